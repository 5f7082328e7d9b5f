/**
 * The protocol edge: the kernel as Jupyter sees it. It knows the messaging protocol and nothing of
 * docker; cells go to the session through {@link io.github.dockerlessons.jupyter.DockerKernel}.
 *
 * <p>Which side it takes on jupyter-jvm-basekernel 2.3.0: the library stays, for the parts it does
 * well, and nothing of it is subclassed only to be replaced. The kernel uses the connection file
 * ({@code KernelConnectionProperties}), the message model
 * ({@code Message}, {@code Header}, {@code MessageType}, the request, reply and publish contents) and
 * its Gson adapters, the heartbeat ({@code HeartbeatChannel}), the reply environment with its busy,
 * idle and deferrals ({@code ShellReplyEnvironment}), the handler interface ({@code ShellHandler})
 * and the comm protocol ({@code CommManager}). Writing those again would copy a working library.
 * It does not use {@code BaseKernel} (its execute, kernel_info, history and comm_info handlers are
 * the defects below, and its constructor builds a renderer, a stream set and a metadata read the
 * kernel never uses, on the path to the first reply) nor {@code JupyterConnection} (a ZMQ context of
 * its own, with two threads, and five sockets, four of which the kernel replaces). Where the library
 * was measured to fail (see {@code shared/docs/libraries.md}), the kernel's own classes stand:
 * <ul>
 *   <li>{@link io.github.dockerlessons.jupyter.ProtocolConnection}: the five sockets over one ZMQ
 *       context and the handler of each request type.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.ShellLoopChannel}: the shell and control loops. The
 *       library's poll and then sleep 50 ms (56 ms for a {@code docker ps -a} cell), die for
 *       good on one badly signed message, and leave a request unanswered when its handler throws: this
 *       loop blocks in poll, drops bad messages, answers every request whatever is thrown, ends the
 *       process after an error that leaves the JVM unsound, and aborts exactly the execute requests
 *       queued before a failed cell's reply.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.WireCodec}: reading and writing messages, with
 *       constant-time signature checks (the library's is {@code String.equals}), refusal of a replayed
 *       signature (as jupyter_client's digest history), microsecond header dates (the library's have
 *       minutes) and the protocol version said by the kernel.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.CodecChannels}: iopub (an XPUB socket that welcomes
 *       each subscriber with the kernel's status) and stdin, over that codec.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.ExecuteHandler}: execute_request with {@code silent},
 *       {@code store_history}, {@code stop_on_error} and the pager payload, never an exception's class
 *       or stack; {@link io.github.dockerlessons.jupyter.DockerKernel} answers kernel_info and
 *       comm_info with their {@code status}, history from the kernel's own store, interrupt, and
 *       shutdown within two seconds even while a cell runs
 *       ({@link io.github.dockerlessons.jupyter.KernelLifecycle}, which also ends the kernel when its
 *       parent process is gone, as ipykernel does);
 *       {@link io.github.dockerlessons.jupyter.AssistantHandlers} answers complete, inspect and
 *       is_complete, and never fails.</li>
 *   <li>{@link io.github.dockerlessons.jupyter.MessageSigner}: the messages' HMAC over a
 *       {@code MessageDigest}; the library's {@code HMACGenerator} is built on {@code javax.crypto.Mac},
 *       whose first use loads the JCE on the path to the first reply (25-30 ms).</li>
 *   <li>{@link io.github.dockerlessons.jupyter.KernelLogging} silences the library's INFO logging of
 *       every message to stderr.</li>
 * </ul>
 *
 * <p>An upgrade of jupyter-jvm-basekernel must re-check: the classes this package extends
 * ({@code ShellChannel}, {@code IOPubChannel}, {@code StdinChannel}, {@code ShellReplyEnvironment}:
 * constructors, the {@code ctx} field, the deferral order of {@code DefaultReplyEnvironment} (a
 * stack)), the message adapters the codec registers, and whether the library now fixes any of the
 * defects above, in which case the replacement can go. The conformance suite
 * (kernel/src/test/python/test_conformance.py) and the protocol tests decide.
 */
package io.github.dockerlessons.jupyter;
