"""Tiny pricing module used to produce pytest / coverage.py fixtures."""


def add_vat(net_cents, rate=0.2):
    if net_cents < 0:
        raise ValueError("negative amount")
    return round(net_cents * (1 + rate))


def discount(total_cents, code):
    if code is None:
        return 0
    if code == "TENOFF":
        return min(1000, total_cents)
    if code == "HALF":
        return total_cents // 2
    raise KeyError(code)


def shipping(total_cents):
    if total_cents == 0:
        return 0
    if total_cents >= 5000:
        return 0
    return 499


def format_cents(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def never_called(x):
    # Deliberately uncovered.
    if x:
        return "yes"
    return "no"


class Cart:
    def __init__(self):
        self.lines = []

    def add(self, sku, qty, price_cents):
        if qty <= 0:
            raise ValueError("qty must be positive")
        self.lines.append((sku, qty, price_cents))

    def subtotal(self):
        return sum(q * p for _, q, p in self.lines)

    def is_empty(self):
        return not self.lines

    def clear(self):
        self.lines.clear()
