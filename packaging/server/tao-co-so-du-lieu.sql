-- Đảng vụ: the office's database on its PostgreSQL server, and the one technical account the
-- workstations connect with (the program's own accounts and roles live inside the database).
-- Run once, as PostgreSQL's administrator, on the server PC:
--
--   psql -U postgres -v password='MẬT-KHẨU-DÀI' -f tao-co-so-du-lieu.sql
--
-- Optional: -v dbname=... -v account=... (default: dangvu and dangvu). Running it again only
-- sets the password anew; no data is touched.
\set ON_ERROR_STOP on
\if :{?password}
\else
  \echo 'Cần mật khẩu cho tài khoản: thêm -v password=...'
  \quit
\endif
\if :{?dbname}
\else
  \set dbname dangvu
\endif
\if :{?account}
\else
  \set account dangvu
\endif

SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'account') AS need_account \gset
\if :need_account
  CREATE ROLE :"account" LOGIN PASSWORD :'password';
\else
  ALTER ROLE :"account" LOGIN PASSWORD :'password';
\endif

-- Collation "C": names sort the same on the server as in a SQLite file (the program sorts
-- Vietnamese itself, by a key it stores), and the database moves between them unchanged.
SELECT NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname') AS need_database \gset
\if :need_database
  CREATE DATABASE :"dbname" OWNER :"account" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\endif
REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO :"account";
\echo 'Đã sẵn sàng: cơ sở dữ liệu' :dbname ', tài khoản' :account
