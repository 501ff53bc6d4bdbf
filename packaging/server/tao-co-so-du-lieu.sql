-- Đảng vụ: the office's database on its PostgreSQL server, and its two accounts (the program's
-- own accounts and roles live inside the database):
--   * the owner (default `dangvu`): owns the tables. Only the administrator knows its password:
--     it sets the database up and upgrades it, moves a file onto it (`transfer`), and manages
--     the program's accounts.
--   * the workstations' account (default `dangvu_may`): what every workstation connects with.
--     It keeps the records and adds to the audit trail, but PostgreSQL itself refuses it any
--     change of the trail's entries, of the program's accounts and of the schema — a clerk who
--     reads its password off a workstation cannot relabel the trail or make a viewer an
--     administrator. It belongs to the role `dangvu_may_tram`, to which the program grants
--     those rights table by table each time the owner opens the database.
-- Run once, as PostgreSQL's administrator, on the server PC:
--
--   psql -U postgres -v password='MẬT-KHẨU-CHỦ' -v workstation_password='MẬT-KHẨU-MÁY-TRẠM' -f tao-co-so-du-lieu.sql
--
-- Optional: -v dbname=... -v account=... -v workstation=... (defaults: dangvu, dangvu, and the
-- owner's name followed by _may). Running it again sets both passwords anew and gives an
-- existing database its workstations' account; no data is touched.
\set ON_ERROR_STOP on
\if :{?password}
\else
  \echo 'Cần mật khẩu cho tài khoản chủ: thêm -v password=...'
  \quit
\endif
\if :{?workstation_password}
\else
  \echo 'Cần mật khẩu cho tài khoản của các máy trạm: thêm -v workstation_password=...'
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
\if :{?workstation}
\else
  \set workstation :account _may
\endif

SELECT :'password' = :'workstation_password' AS same_passwords \gset
\if :same_passwords
  \echo 'Hai mật khẩu phải khác nhau: mật khẩu chủ chỉ quản trị viên biết.'
  \quit
\endif

SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'account') AS need_account \gset
\if :need_account
  CREATE ROLE :"account" LOGIN PASSWORD :'password';
\else
  ALTER ROLE :"account" LOGIN PASSWORD :'password';
\endif

-- The rights every workstation's account has, granted by the program (models/core/server_rights.py).
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dangvu_may_tram') AS need_group \gset
\if :need_group
  CREATE ROLE dangvu_may_tram NOLOGIN;
\endif

SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'workstation') AS need_workstation \gset
\if :need_workstation
  CREATE ROLE :"workstation" LOGIN INHERIT PASSWORD :'workstation_password';
\else
  ALTER ROLE :"workstation" LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'workstation_password';
\endif
GRANT dangvu_may_tram TO :"workstation";

-- Collation "C": names sort the same on the server as in a SQLite file (the program sorts
-- Vietnamese itself, by a key it stores), and the database moves between them unchanged.
SELECT NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname') AS need_database \gset
\if :need_database
  CREATE DATABASE :"dbname" OWNER :"account" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\endif
REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO :"account";
GRANT CONNECT ON DATABASE :"dbname" TO :"workstation";

-- Only the owner creates tables: on PostgreSQL 14 every account could create them in `public`.
\connect :"dbname"
ALTER SCHEMA public OWNER TO :"account";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO dangvu_may_tram;
\echo 'Đã sẵn sàng: cơ sở dữ liệu' :dbname ', tài khoản chủ' :account ', tài khoản máy trạm' :workstation
\echo 'Mở cơ sở dữ liệu một lần bằng tài khoản chủ (ví dụ chuyển tệp dữ liệu lên bằng lệnh transfer) để chương trình tạo bảng và cấp quyền cho máy trạm.'
