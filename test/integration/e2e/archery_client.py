"""Talks to inceptor the way Archery's GoInceptionEngine does (sql/engines/goinception.py), for the e2e tests.

Usage: /usr/bin/python3 archery_client.py   with a JSON request on stdin:
  {"host", "port", "user", "password", "queries": [sql, ...]}
user null = a registered goInception *instance* (parameter management): host/port/charset only, no user/passwd.
Each query gets its own connection, like Archery's query(close_conn=True): the exact connect call Archery
makes, one cursor, execute, fetchall, description. Values keep the Python types mysqlclient gives them (int
for LONG/SHORT/LONGLONG/TINY columns, str for STRING, None for NULL), so the JSON shows the wire types too.
Prints {"results": [...]}; each result is {"columns", "rows", "affected", "elapsed"} or {"error": {...}}.
"""
import json
import sys
import time

import MySQLdb


def cell(v):
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    return v


def run(req, sql):
    if req["user"] is None:
        conn = MySQLdb.connect(host=req["host"], port=req["port"], charset="utf8mb4", connect_timeout=10)
    else:
        conn = MySQLdb.connect(host=req["host"], port=req["port"], user=req["user"], passwd=req["password"],
                               charset="utf8mb4", connect_timeout=10)
    try:
        cursor = conn.cursor()
        started = time.monotonic()
        try:
            effect_row = cursor.execute(sql)
            rows = cursor.fetchall()
        except MySQLdb.Error as e:
            code = e.args[0] if e.args and isinstance(e.args[0], int) else None
            return {"error": {"code": code, "message": str(e.args[1] if len(e.args) > 1 else e)}}
        elapsed = time.monotonic() - started
        fields = cursor.description
        return {
            "columns": [f[0] for f in fields] if fields else [],
            "rows": [[cell(v) for v in row] for row in rows],
            "affected": effect_row,
            "elapsed": elapsed,
        }
    finally:
        conn.close()


def main():
    req = json.load(sys.stdin)
    print(json.dumps({"results": [run(req, q) for q in req["queries"]]}, ensure_ascii=False))


main()
