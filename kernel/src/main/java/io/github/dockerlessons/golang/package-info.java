/**
 * Ports of Go's standard library that the docker CLI's output and input rules rest on, each written
 * once and exactly as Go has it (the same results and the same error words), so that every command
 * that needs, say, {@code time.ParseDuration} gives the CLI's answer and no two copies can disagree.
 * Go's text/template stays with its users in {@code render.template}.
 */
package io.github.dockerlessons.golang;
