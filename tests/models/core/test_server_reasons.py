"""Why a server would not let a workstation in, said in Vietnamese: the driver's own words
(English) only when nothing known matches. The texts are psycopg's, as a clerk's machine meets
them."""

import pytest

from models.core.db import server_reason, server_refusal

SAID = [
    ('connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  password '
     'authentication failed for user "dangvu"', "sai tài khoản hoặc mật khẩu"),
    ('connection to server at "10.0.0.5", port 5432 failed: fe_sendauth: no password supplied',
     "cần mật khẩu"),
    ('FATAL:  database "dangvu" does not exist', "không có cơ sở dữ liệu"),
    ('connection to server at "127.0.0.1", port 1 failed: Connection refused', "máy chủ không nhận kết nối"),
    ("connection timeout expired", "máy chủ không trả lời"),
    ('failed to resolve host "may-chu": [Errno -2] Name or service not known', "không tìm thấy máy chủ"),
    ('connection to server at "10.0.0.5", port 5432 failed: No route to host', "không có đường mạng"),
    ('connection to server at "10.255.255.1", port 5432 failed: received invalid response to SSL '
     'negotiation: H', "không phải máy chủ PostgreSQL"),
    ('FATAL:  no pg_hba.conf entry for host "10.0.0.7"', "pg_hba.conf"),
]


@pytest.mark.parametrize(("driver", "expected"), SAID)
def test_each_refusal_is_said_in_vietnamese(driver, expected):
    assert expected in server_reason(Exception(driver))


def test_an_unknown_refusal_keeps_its_first_line():
    assert server_reason(Exception("something new\nmore")) == "lỗi kết nối (something new)"


def test_a_refusal_names_the_detail_to_put_right():
    assert server_refusal(Exception('password authentication failed for user "x"'))[0] == "password"
    assert server_refusal(Exception('database "x" does not exist'))[0] == "dbname"
    assert server_refusal(Exception("Connection refused"))[0] == "port"
    assert server_refusal(Exception("Name or service not known"))[0] == "host"


def test_without_the_server_extra_a_server_address_is_refused_in_words(monkeypatch):
    import peewee

    from models.core.db import open_database, probe_server
    from models.core.errors import ValidationError
    from models.core.where import parse_server

    monkeypatch.setattr(peewee, "psycopg", None)  # as on a machine installed without .[server]
    monkeypatch.setattr(peewee, "psycopg2", None)
    for attempt in (lambda: open_database("postgresql://dangvu@127.0.0.1:5432/dangvu"),
                    lambda: probe_server(parse_server("postgresql://dangvu@127.0.0.1:5432/dangvu"))):
        with pytest.raises(ValidationError, match=r"pip install -e \"\.\[server\]\""):
            attempt()


def test_an_ipv6_address_in_brackets_is_an_address():
    """Reported: postgresql://dangvu@[::1]:5432/dangvu was refused as a bad port."""
    from models.core.where import parse_server

    server = parse_server("postgresql://dangvu@[::1]:5432/dangvu")
    assert (server.host, server.port, server.dbname) == ("::1", 5432, "dangvu")
    assert server.url == "postgresql://dangvu@[::1]:5432/dangvu" and server.key == server.url
    assert parse_server(server.url) == server


def test_a_password_in_the_address_is_taken_with_a_warning(capsys):
    """Reported: a password in --db stayed visible in `ps` for the whole run, without a word."""
    import main

    where = main.resolve_db_path("postgresql://dangvu:bi-mat@127.0.0.1:5432/dangvu")
    assert where.password == "bi-mat"
    err = capsys.readouterr().err
    assert "danh sách tiến trình" in err and "DANGVU_DB_PASSWORD" in err and "bi-mat" not in err


@pytest.mark.parametrize("port", ["99999", "0", "abc"])
def test_a_port_out_of_range_is_named_as_such(port):
    """Port 99999 was refused as "cổng phải là một số" (it is one), and port 0 was taken as 5432."""
    from models.core.errors import ValidationError
    from models.core.where import parse_server

    with pytest.raises(ValidationError) as refused:
        parse_server(f"postgresql://dangvu@may-chu:{port}/dangvu")
    assert "cổng phải là một số từ 1 đến 65535" in refused.value.message
