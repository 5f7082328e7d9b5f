#!/bin/sh
# The official mariadb image's healthcheck.sh for the checks a compose file names, e.g.
#   healthcheck: { test: ["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"] }
# --connect: the server takes a TCP connection (the first start's temporary server listens on no
# port, so a database still being made is not healthy yet); --innodb_initialized: InnoDB is ready.
# It logs in as the account the entrypoint made for it (/var/lib/mysql/.my-healthcheck.cnf).
# Exit status 0 when every named check holds.
set -u
cnf=/var/lib/mysql/.my-healthcheck.cnf
client() { mariadb --defaults-extra-file="$cnf" --skip-column-names "$@"; }

[ "$#" -gt 0 ] || set -- --connect
for check in "$@"; do
	case "$check" in
		--connect)
			client --protocol=tcp -h 127.0.0.1 -e 'SELECT 1' >/dev/null || exit 1 ;;
		--innodb_initialized)
			answer=$(client -e "SELECT 1 FROM information_schema.ENGINES WHERE engine = 'innodb' AND support IN ('YES', 'DEFAULT', 'ENABLED')") || exit 1
			[ "$answer" = 1 ] || exit 1 ;;
		*)
			echo "healthcheck.sh: $check is not a check of this image (it has --connect and --innodb_initialized)" >&2
			exit 1 ;;
	esac
done
