import pytest


@pytest.fixture
def ledger():
    entries = []
    yield entries
    # The ledger must be balanced after every test; a test that leaves it open breaks teardown.
    if entries and sum(entries) != 0:
        raise RuntimeError("ledger left unbalanced: %r" % entries)


def test_empty_order_costs_nothing(ledger):
    assert sum(ledger) == 0


def test_refund_is_booked(ledger):
    ledger.extend([10, -10])
    assert sum(ledger) == 0


def test_partial_refund_fails_and_leaves_ledger_open(ledger):
    ledger.extend([10, -4])
    assert sum(ledger) == 0, "partial refund left 6 on the books"


def test_teardown_only_error(ledger):
    ledger.append(5)


class TestShipping:
    def test_free_over_fifty(self):
        assert 60 > 50

    @pytest.mark.skip(reason="carrier sandbox is down")
    def test_express(self):
        pass

    def test_unknown_country(self, ledger):
        ledger.append(1)
        raise ValueError("no shipping zone for 'XX'")
