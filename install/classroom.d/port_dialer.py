#!/usr/bin/python3
"""The dialer of a student's published ports: runs as the student inside the student's engine network
namespace (install/classroom starts it there beside the engine, through nsenter --net), where
rootlesskit listens for every port the student's containers publish, on loopback only. The student's
server, outside that namespace, asks it over a unix socket in the student's own runtime folder (mode
0700) for a connection to one port:

  request  "connect PORT\\n"  reply "ok\\n" with the connected socket passed along (SCM_RIGHTS)
  request  "probe PORT\\n"    reply "ok\\n" (something accepted a connection, closed at once)
  otherwise                  reply "error REASON\\n"

Only 127.0.0.1 of the namespace is dialled: that namespace holds nothing but the student's engine, so
neither the hub, nor the student's server, nor another student's engine is reachable through it. The
reply carries the socket itself rather than its bytes: after the reply the dialer has no part in the
connection.

  port_dialer.py SOCKET_PATH
"""
import array
import os
import socket
import sys
import threading

CONNECT_TIMEOUT = 5


def parse(line):
    """(verb, port) of a request line, or None."""
    parts = line.split()
    if len(parts) != 2 or parts[0] not in ("connect", "probe") or not parts[1].isdigit():
        return None
    port = int(parts[1])
    return (parts[0], port) if 0 < port < 65536 else None


def serve_one(client):
    with client:
        # Only the student's own processes (and root): the folder's mode says so already; this says it again.
        creds = client.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, array.array("i", [0, 0, 0]).itemsize * 3)
        peer_uid = array.array("i", creds)[1]
        if peer_uid not in (os.getuid(), 0):
            return
        client.settimeout(CONNECT_TIMEOUT)
        line = b""
        try:
            while not line.endswith(b"\n") and len(line) < 64:
                chunk = client.recv(64)
                if not chunk:
                    return
                line += chunk
        except OSError:
            return
        request = parse(line.decode("ascii", "replace"))
        if request is None:
            client.sendall(b"error bad request\n")
            return
        verb, port = request
        upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        upstream.settimeout(CONNECT_TIMEOUT)
        try:
            upstream.connect(("127.0.0.1", port))
        except OSError as e:
            upstream.close()
            client.sendall(f"error {os.strerror(e.errno) if e.errno else e}\n".encode())
            return
        with upstream:
            if verb == "probe":
                client.sendall(b"ok\n")
            else:
                socket.send_fds(client, [b"ok\n"], [upstream.fileno()])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    os.umask(0o077)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(64)
    while True:
        client, _ = server.accept()
        threading.Thread(target=serve_one, args=(client,), daemon=True).start()


if __name__ == "__main__":
    main()
