import sys

import pytest

from shop.pricing import add_vat, discount, format_cents, shipping


def test_add_vat_default_rate():
    assert add_vat(1000) == 1200


def test_add_vat_rejects_negative():
    with pytest.raises(ValueError):
        add_vat(-1)


@pytest.mark.parametrize(
    "total, expected",
    [(0, 0), (100, 499), (4999, 499), (5000, 0)],
)
def test_shipping(total, expected):
    assert shipping(total) == expected


@pytest.mark.parametrize("cents, text", [(0, "0.00"), (1999, "19.99"), (-250, "-2.50")], ids=["zero", "positive", "negative"])
def test_format_cents(cents, text):
    assert format_cents(cents) == text


def test_discount_half_is_wrong():
    # Deliberate assertion failure.
    assert discount(3000, "HALF") == 1000


def test_charge_card(payment_gateway):
    # Never runs: the fixture raises during setup -> pytest "error".
    assert payment_gateway.charge(100)


@pytest.mark.skip(reason="refunds not implemented yet")
def test_refund():
    assert False


@pytest.mark.skipif(sys.platform.startswith("linux"), reason="windows-only rounding check")
def test_windows_rounding():
    assert add_vat(1) == 1


def test_skipped_at_runtime():
    pytest.skip("feature flag 'loyalty' is off")


@pytest.mark.xfail(reason="unknown coupons should be ignored, currently raise KeyError")
def test_unknown_coupon_ignored():
    assert discount(1000, "BOGUS") == 0


@pytest.mark.xfail(reason="TENOFF cap was thought to be broken", strict=False)
def test_tenoff_capped_xpass():
    assert discount(500, "TENOFF") == 500
