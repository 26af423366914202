import pytest


class TestCart:
    def test_subtotal(self, cart):
        assert cart.subtotal() == 2800

    def test_not_empty(self, cart):
        assert not cart.is_empty()

    def test_clear(self, cart):
        cart.clear()
        assert cart.is_empty()

    def test_add_rejects_zero_quantity(self, cart):
        with pytest.raises(ValueError):
            cart.add("X", 0, 100)
