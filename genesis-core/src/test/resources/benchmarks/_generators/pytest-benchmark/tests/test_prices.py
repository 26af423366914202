import os


def format_prices(cents):
    if os.environ.get("PRICES_VERSION") == "2":
        # The "new release": formats every price through a list of dicts first.
        rows = [{"euros": c // 100, "cents": c % 100} for c in sorted(cents, key=str)]
        rows = [dict(row, text="%(euros)d.%(cents)02d" % row) for row in rows for _ in range(4)][::4]
        return ";".join(row["text"] for row in rows)
    return ";".join("%d.%02d" % divmod(c, 100) for c in cents)


def total(cents):
    return sum(cents)


CENTS = [1999 * (i + 1) for i in range(200)]


def test_format_prices(benchmark):
    assert "19.99" in benchmark(format_prices, CENTS)


def test_total(benchmark):
    assert benchmark(total, CENTS) > 0
