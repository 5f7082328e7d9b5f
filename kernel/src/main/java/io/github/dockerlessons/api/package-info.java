/**
 * The Engine API's answers as the kernel reads them: one container summary and one image summary,
 * whatever lists them ({@code ps}, {@code images}, Compose, live panels, checks, completion), read from
 * the answer's JSON with Gson, as moby's {@code api/types} are the CLI's. docker-java's own model maps
 * with Jackson, which an idle kernel would otherwise carry (issue 22); its typed client stays for the
 * calls it does well, and loads Jackson only when one of them runs. Depends on engine/ for the
 * request; knows no console or renderer.
 */
package io.github.dockerlessons.api;
