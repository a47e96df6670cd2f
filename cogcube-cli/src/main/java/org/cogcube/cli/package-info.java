/**
 * The {@code cogcube} command: one picocli subcommand per verb ({@code info}, {@code cog}, ...).
 *
 * <p>Exit codes that scripts can trust: 0 success, 1 a failure of the work itself (a file that
 * cannot be read, a server that refuses), 2 a usage error (unknown option, missing argument).
 * Errors print one line that says what went wrong and what to do; {@code --verbose} adds the
 * stack trace.
 */
package org.cogcube.cli;
