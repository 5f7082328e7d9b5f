#!/bin/sh
# The official mariadb image's entrypoint contract, in sh (the image's shell is busybox's):
# at the first start of an empty /var/lib/mysql, make the system tables, give root the password of
# MARIADB_ROOT_PASSWORD (or MYSQL_ROOT_PASSWORD; or allow an empty one, or make a random one), make
# MARIADB_DATABASE and MARIADB_USER/MARIADB_PASSWORD (or their MYSQL_ names; *_FILE reads a file), run
# the scripts in /docker-entrypoint-initdb.d (*.sh, *.sql, *.sql.gz, in name order) once, then start
# the server in the foreground. A data folder that is already made is started as it is.
set -eu

log() {
	printf '%s [%s] [Entrypoint]: %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S+00:00')" "$1" "$2"
}
note() { log Note "$*"; }
warn() { log Warn "$*" >&2; }
error() { log ERROR "$*" >&2; exit 1; }

# NAME from MARIADB_NAME, else MYSQL_NAME, else the file that MARIADB_NAME_FILE/MYSQL_NAME_FILE names.
setting() {
	for var in "MARIADB_$1" "MYSQL_$2"; do
		eval "value=\${$var:-}"
		if [ -n "$value" ]; then printf '%s' "$value"; return; fi
		eval "file=\${${var}_FILE:-}"
		if [ -n "$file" ]; then cat "$file"; return; fi
	done
}

# A value inside '...' in SQL.
sql_quoted() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g"; }

sql() { mariadb --protocol=socket -uroot -hlocalhost "$@"; }

if [ "${1#-}" != "$1" ]; then
	set -- mariadbd "$@"
fi

if [ "$1" = mariadbd ] || [ "$1" = mysqld ]; then
	note "Entrypoint script for MariaDB Server $(mariadbd --version | sed 's/.*Ver //; s/ .*//') started."
	if [ "$(id -u)" = 0 ]; then
		chown -R mysql:mysql /var/lib/mysql /run/mysqld
	fi
	if [ ! -d /var/lib/mysql/mysql ]; then
		root_password=$(setting ROOT_PASSWORD ROOT_PASSWORD)
		allow_empty=$(setting ALLOW_EMPTY_ROOT_PASSWORD ALLOW_EMPTY_PASSWORD)
		random=$(setting RANDOM_ROOT_PASSWORD RANDOM_ROOT_PASSWORD)
		database=$(setting DATABASE DATABASE)
		user=$(setting USER USER)
		password=$(setting PASSWORD PASSWORD)
		root_host=$(setting ROOT_HOST ROOT_HOST)
		root_host=${root_host:-%}
		if [ -z "$root_password" ] && [ -z "$allow_empty" ] && [ -z "$random" ]; then
			error "Database is uninitialized and password option is not specified
	You need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD"
		fi
		if [ -n "$random" ] && [ -z "$root_password" ]; then
			root_password=$(tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32)
			note "GENERATED ROOT PASSWORD: $root_password"
		fi
		if [ "$user" = root ]; then
			error "MARIADB_USER=\"root\", MARIADB_USER and MARIADB_PASSWORD are for configuring a regular user and cannot be used for the root user"
		fi
		if [ -n "$user" ] && [ -z "$password" ]; then
			error "MARIADB_USER is set, MARIADB_PASSWORD is not: give the user a password"
		fi

		note "Initializing database files"
		mariadb-install-db --datadir=/var/lib/mysql --user=mysql --rpm --skip-test-db --cross-bootstrap \
			--auth-root-authentication-method=normal --skip-name-resolve --skip-log-bin >/dev/null
		note "Database files initialized"

		note "Starting temporary server"
		"$@" --skip-networking --socket=/run/mysqld/mysqld.sock --skip-log-bin &
		pid=$!
		tries=0
		until sql --database=mysql -e 'SELECT 1' >/dev/null 2>&1; do
			tries=$((tries + 1))
			if [ "$tries" -gt 300 ] || ! kill -0 "$pid" 2>/dev/null; then
				error "Unable to start server."
			fi
			sleep 0.1
		done
		note "Temporary server started."

		note "Securing system users (equivalent to running mysql_secure_installation)"
		root_quoted=$(sql_quoted "$root_password")
		health_password=$(tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32)
		printf '[mariadb-client]\nport=3306\nsocket=/run/mysqld/mysqld.sock\nuser=healthcheck\npassword=%s\n' \
			"$health_password" > /var/lib/mysql/.my-healthcheck.cnf
		chmod 600 /var/lib/mysql/.my-healthcheck.cnf
		[ "$(id -u)" != 0 ] || chown mysql:mysql /var/lib/mysql/.my-healthcheck.cnf
		{
			echo "DROP USER IF EXISTS root@'127.0.0.1', root@'::1';"
			echo "EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS root@\\'', @@hostname,'\\'');"
			echo "SET PASSWORD FOR 'root'@'localhost' = PASSWORD('$root_quoted');"
			if [ "$root_host" != localhost ]; then
				echo "CREATE USER 'root'@'$root_host' IDENTIFIED BY '$root_quoted';"
				echo "GRANT ALL ON *.* TO 'root'@'$root_host' WITH GRANT OPTION;"
				echo "GRANT PROXY ON ''@'%' TO 'root'@'$root_host' WITH GRANT OPTION;"
			fi
			if [ -n "$database" ]; then
				echo "CREATE DATABASE IF NOT EXISTS \`$database\`;"
			fi
			# healthcheck.sh's own account, as the official image makes it: it may only connect
			echo "CREATE USER healthcheck@'127.0.0.1' IDENTIFIED BY '$health_password';"
			echo "CREATE USER healthcheck@'::1' IDENTIFIED BY '$health_password';"
			echo "CREATE USER healthcheck@localhost IDENTIFIED BY '$health_password';"
			if [ -n "$user" ]; then
				echo "CREATE USER '$user'@'%' IDENTIFIED BY '$(sql_quoted "$password")';"
				if [ -n "$database" ]; then
					echo "GRANT ALL ON \`$database\`.* TO '$user'@'%';"
				fi
			fi
		} | sql --database=mysql --binary-mode
		[ -n "$database" ] && note "Creating database $database"
		[ -n "$user" ] && note "Creating user $user"

		export MYSQL_PWD="$root_password"  # for the clients below; gone when the server starts
		for f in /docker-entrypoint-initdb.d/*; do
			[ -e "$f" ] || continue
			case "$f" in
				*.sh)
					if [ -x "$f" ]; then note "$0: running $f"; "$f"
					else note "$0: sourcing $f"; . "$f"; fi ;;
				*.sql) note "$0: running $f"; sql ${database:+--database="$database"} < "$f" ;;
				*.sql.gz) note "$0: running $f"; gunzip -c "$f" | sql ${database:+--database="$database"} ;;
				*) warn "$0: ignoring $f" ;;
			esac
		done

		note "Stopping temporary server"
		mariadb-admin --protocol=socket -uroot -hlocalhost shutdown
		wait "$pid" || true
		unset MYSQL_PWD
		note "Temporary server stopped"
		echo
		note "MariaDB init process done. Ready for start up."
		echo
	fi
fi

exec "$@"
