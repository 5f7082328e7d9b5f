/**
 * Ports of Go code that the docker CLI's input and output rules rest on, each written once and
 * exactly as Go has it (the same results and the same error words), so that no two copies can
 * disagree: {@link io.github.dockerlessons.golang.GoTime} (time.ParseDuration),
 * {@link io.github.dockerlessons.golang.GoFtoa}, {@link io.github.dockerlessons.golang.GoQuote},
 * {@link io.github.dockerlessons.golang.GoAtoi}, {@link io.github.dockerlessons.golang.GoAtof} and
 * {@link io.github.dockerlessons.golang.GoNumbers}
 * (strconv), {@link io.github.dockerlessons.golang.GoText} and
 * {@link io.github.dockerlessons.golang.Units} (go-units), {@link io.github.dockerlessons.golang.TabWriter}
 * (text/tabwriter), {@link io.github.dockerlessons.golang.DisplayWidth} (the tables' rune width),
 * {@link io.github.dockerlessons.golang.JsonIndent} (encoding/json's Indent and Compact) and
 * {@link io.github.dockerlessons.golang.GoFilepath} (path/filepath's Clean and Match syntax).
 * Go's text/template and fmt stay with their only user in {@code render.template}.
 */
package io.github.dockerlessons.golang;
