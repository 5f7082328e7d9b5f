#!/usr/bin/python3
"""A TCP relay between two network namespaces: it listens on 127.0.0.1:PORT inside FROM_NETNS and
joins every connection to 127.0.0.1:PORT inside TO_NETNS.

  netns_relay.py FROM_NETNS TO_NETNS PORT

install/prod-engine runs it so that the production engine (its own namespace, no route anywhere)
reaches the lessons' registry, a container published on 127.0.0.1:5000 of the lessons engine's
namespace, by the name a CLI user writes: localhost:5000/NAME (a daemon lets localhost registries
speak plain HTTP). A socket stays in the namespace it was made in, so one process serves both sides:
the listening socket is made in FROM_NETNS, every outgoing one in TO_NETNS, all on the main thread
(setns changes only the calling thread's namespace); threads only copy bytes. It ends on SIGTERM.
"""
import ctypes
import os
import signal
import socket
import sys
import threading

CLONE_NEWNET = 0x40000000
BUFFER = 64 * 1024


def enter(netns):
    """The calling thread's network namespace becomes NETNS (a name under /run/netns or a path)."""
    path = netns if netns.startswith("/") else os.path.join("/run/netns", netns)
    fd = os.open(path, os.O_RDONLY)
    try:
        if ctypes.CDLL(None, use_errno=True).setns(fd, CLONE_NEWNET) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"setns {path}: {os.strerror(error)}")
    finally:
        os.close(fd)


def pump(source, target):
    """Copies one direction until its end, then passes the end on (the other direction goes on)."""
    try:
        while True:
            data = source.recv(BUFFER)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    finally:
        for end in ((target, socket.SHUT_WR), (source, socket.SHUT_RD)):
            try:
                end[0].shutdown(end[1])
            except OSError:
                pass


def join(client, port):
    """Both directions of one connection; each socket is closed once both are done."""
    try:
        upstream = socket.create_connection(("127.0.0.1", port), timeout=10)
    except OSError:
        client.close()  # nothing listens there (the registry is not running): the client sees a refusal
        return
    upstream.settimeout(None)
    back = threading.Thread(target=pump, args=(upstream, client), daemon=True)
    back.start()

    def forth():
        pump(client, upstream)
        back.join()
        client.close()
        upstream.close()
    threading.Thread(target=forth, daemon=True).start()


def main(argv):
    if len(argv) != 4 or not argv[3].isdigit():
        print(__doc__.strip(), file=sys.stderr)
        return 2
    from_netns, to_netns, port = argv[1], argv[2], int(argv[3])
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    enter(from_netns)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(64)
    enter(to_netns)  # from here on, every socket this thread makes is in TO_NETNS
    print(f"relay: 127.0.0.1:{port} in {from_netns} -> 127.0.0.1:{port} in {to_netns}", flush=True)
    while True:
        client, _ = listener.accept()
        join(client, port)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
