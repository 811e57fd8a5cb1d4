"""Runs queries through a real Python MySQL driver and prints the results as JSON (used by the client tests).

Usage: /usr/bin/python3 probe.py pymysql|mysqldb   with a JSON request on stdin:
  {"host", "port", "user", "password" (null = none), "ssl": null | {"ca": path} , "queries": [sql, ...]}
Prints {"tls": version-or-null, "results": [...]} or {"connectError": {...}}; each result is
{"columns": [...], "rows": [[...]]} or {"ok": true, "affected": n} or {"error": {"code", "message"}}.
Bytes values are reported as {"$bytes": hex} so a wrong column charset shows up in the test.
"""
import json
import sys


def cell(v):
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    return v


def err(e):
    code = e.args[0] if e.args and isinstance(e.args[0], int) else None
    msg = e.args[1] if len(e.args) > 1 else str(e)
    return {"code": code, "message": str(msg), "type": type(e).__name__}


def connect(driver, req):
    if driver == "pymysql":
        import pymysql
        kw = dict(host=req["host"], port=req["port"], user=req["user"], charset="utf8mb4", connect_timeout=10)
        if req.get("password") is not None:
            kw["password"] = req["password"]
        if req.get("ssl") is not None:
            kw["ssl"] = req["ssl"]
        return pymysql.connect(**kw)
    import MySQLdb
    # Archery's exact call (sql/engines/goinception.py); a registered goInception instance connects with
    # host/port/charset only, so user and password are left out when not given. ssl only when asked for.
    kw = dict(host=req["host"], port=req["port"], charset="utf8mb4", connect_timeout=10)
    if req.get("user") is not None:
        kw["user"] = req["user"]
    if req.get("password") is not None:
        kw["passwd"] = req["password"]
    if req.get("ssl") is not None:
        kw["ssl"] = req["ssl"]
    return MySQLdb.connect(**kw)


def tls_of(driver, conn):
    if driver == "pymysql":
        version = getattr(conn._sock, "version", None)
        return version() if callable(version) else None
    return None


def main():
    driver = sys.argv[1]
    req = json.load(sys.stdin)
    try:
        conn = connect(driver, req)
    except Exception as e:  # noqa: BLE001 - every driver error is reported, not raised
        print(json.dumps({"connectError": err(e)}))
        return
    out = {"tls": tls_of(driver, conn), "results": []}
    for q in req["queries"]:
        cur = conn.cursor()
        try:
            affected = cur.execute(q)
            if cur.description is None:
                out["results"].append({"ok": True, "affected": affected})
            else:
                out["results"].append({
                    "columns": [d[0] for d in cur.description],
                    "rows": [[cell(v) for v in row] for row in cur.fetchall()],
                })
        except Exception as e:  # noqa: BLE001
            out["results"].append({"error": err(e)})
        finally:
            try:
                cur.close()
            except Exception:  # noqa: BLE001
                pass
    try:
        conn.close()
    except Exception:  # noqa: BLE001
        pass
    print(json.dumps(out, ensure_ascii=False))


main()
