"""pyodbc, a real ODBC application, against the driver: catalog browsing,
result types and rows. Run by pyodbc_smoke_test.cc with Debian's python3 and
the test's connection string as the only argument; exits non-zero on failure."""
import datetime
import decimal
import sys

import pyodbc

connection = pyodbc.connect(sys.argv[1])
cursor = connection.cursor()

tables = [row.table_name for row in cursor.tables(schema="tpch")]
for expected in ("region", "nation", "orders", "lineitem"):
    assert expected in tables, f"{expected} not in {tables}"

columns = [(row.column_name, row.data_type) for row in cursor.columns(schema="tpch", table="orders")]
cursor.execute("SELECT * FROM tpch.orders LIMIT 1")
described = [d[0] for d in cursor.description]
assert [name for name, _ in columns] == described, f"{columns} vs {described}"

cursor.execute("SELECT o_orderkey, o_totalprice, o_orderdate, o_comment FROM tpch.orders ORDER BY o_orderkey LIMIT 3")
rows = cursor.fetchall()
assert len(rows) == 3, rows
for key, price, date, comment in rows:
    assert isinstance(key, int), key
    assert isinstance(price, decimal.Decimal) and price.as_tuple().exponent == -2, price
    assert isinstance(date, datetime.date), date
    assert isinstance(comment, str), comment
assert [row[0] for row in rows] == sorted(row[0] for row in rows)

regions = [row[0] for row in cursor.execute("SELECT r_name FROM tpch.region ORDER BY r_regionkey")]
assert regions == ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"], regions

# Parameters (qmark style): written into the text by the driver, quotes and all.
row = cursor.execute("SELECT r_name, ? FROM tpch.region WHERE r_regionkey = ?", "it's", 3).fetchone()
assert row[0] == "EUROPE" and row[1] == "it's", row
row = cursor.execute("SELECT COUNT(*) FROM tpch.orders WHERE o_orderdate < ? AND o_totalprice > ?",
                     datetime.date(1995, 1, 1), decimal.Decimal("1000.50")).fetchone()
expected = cursor.execute("SELECT COUNT(*) FROM tpch.orders WHERE o_orderdate < '1995-01-01' "
                          "AND o_totalprice > 1000.50").fetchone()
assert row[0] == expected[0] and row[0] > 0, (row, expected)

row = cursor.execute("SELECT length(?) AS n, ? AS none, ? AS half", "x" * 100000, None, 1.5).fetchone()
assert row[0] == 100000 and row[1] is None and row[2] == 1.5, row

names = [row.type_name for row in cursor.getTypeInfo()]
assert "DECIMAL" in names and "STRING" in names, names

print("pyodbc smoke: ok")
