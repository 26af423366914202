import pytest

from shop.pricing import Cart


@pytest.fixture
def cart():
    c = Cart()
    c.add("BOOK-1", 2, 1250)
    c.add("PEN-7", 1, 300)
    return c


@pytest.fixture
def payment_gateway():
    # Deliberate setup error: the fixture itself raises.
    raise ConnectionError("payment gateway sandbox refused the connection")
