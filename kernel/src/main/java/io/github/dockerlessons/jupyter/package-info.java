/**
 * The protocol edge: the kernel as Jupyter sees it. It knows the messaging protocol and nothing of
 * docker; cells go to the session through {@link io.github.dockerlessons.jupyter.DockerKernel}.
 *
 * <p>It is built on jupyter-jvm-basekernel 2.3.0 ({@code BaseKernel}, {@code JupyterConnection},
 * the message classes and their JSON adapters, the heartbeat) and replaces the parts of it that were
 * measured to fail (see {@code shared/docs/libraries.md}):
 * <ul>
 *   <li>{@link io.github.dockerlessons.jupyter.ShellLoopChannel} replaces the library's shell and
 *       control loops, which poll and then sleep 50 ms (56 ms for a {@code docker ps -a} cell), die for
 *       good on one badly signed message, and leave a request unanswered when its handler throws: this
 *       loop blocks in poll, drops bad messages, answers every request whatever is thrown, ends the
 *       process after an error that leaves the JVM unsound, and aborts exactly the execute requests
 *       queued before a failed cell's reply.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.WireCodec} replaces the library's reading and writing
 *       of messages: constant-time signature checks (the library's is {@code String.equals}), refusal
 *       of a replayed signature (as jupyter_client's digest history), microsecond header dates (the
 *       library's have minutes) and the protocol version said by the kernel.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.CodecChannels} and
 *       {@link io.github.dockerlessons.jupyter.ProtocolConnection} bind the kernel's own iopub, stdin,
 *       shell and control channels in place of the library's, over that codec.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.ExecuteHandler} replaces the library's execute handler,
 *       which ignores {@code silent}, {@code store_history} and {@code stop_on_error}, never sends a
 *       pager payload, and publishes an exception's class and stack trace; the kernel's own handlers
 *       answer kernel_info and comm_info with their {@code status}, history without a HistoryManager,
 *       and shutdown within two seconds even while a cell runs
 *       ({@link io.github.dockerlessons.jupyter.KernelLifecycle}, which also ends the kernel when its
 *       parent process is gone, as ipykernel does).</li>
 *   <li>{@link io.github.dockerlessons.jupyter.KernelLogging} silences the library's INFO logging of
 *       every message to stderr.</li>
 * </ul>
 *
 * <p>An upgrade of jupyter-jvm-basekernel must re-check: the classes this package extends
 * ({@code ShellChannel}, {@code IOPubChannel}, {@code StdinChannel}, {@code ShellReplyEnvironment},
 * {@code JupyterConnection}: constructors, the {@code ctx} and {@code heartbeat} fields, the deferral
 * order of {@code DefaultReplyEnvironment} (a stack)), the message adapters the codec registers, the
 * handlers {@code BaseKernel.becomeHandlerForConnection} installs (the kernel replaces execute,
 * kernel_info, comm_info, history and shutdown after it), and whether the library now fixes any of
 * the defects above, in which case the replacement can go. The conformance suite
 * (kernel/src/test/python/test_conformance.py) and the protocol tests decide.
 */
package io.github.dockerlessons.jupyter;
