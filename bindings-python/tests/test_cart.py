"""Cart validation, checkout plan and many-cart validation: the same cases as checkout-rules'
own tests (tests/codes.rs and the crate's worked example)."""

import json

import pytest

import checkout_kit as ck


def line(line_id, product, quantity, unit_price, variant=None):
    return ck.CartLine(line_id=line_id, product_id=product, quantity=quantity, unit_price=unit_price, variant_id=variant)


def item(product, unit_price, stock, **kw):
    return ck.CatalogItem(product_id=product, unit_price=unit_price, currency="INR", stock_on_hand=stock, **kw)


def cart(*lines, **kw):
    return ck.Cart(currency="INR", lines=list(lines), **kw)


def catalog(*items):
    return ck.Catalog(items=list(items))


def codes(report):
    return [(i.line_id, i.code, i.severity) for i in report.invalid_items]


def test_worked_example():
    c = cart(line("l1", "tea", 2, 25000), line("l2", "mug", 5, 39900))
    cat = catalog(item("tea", 27500, 40), item("mug", 39900, 3))
    report = ck.validate_cart(c, cat)
    assert not report.is_valid
    assert codes(report) == [
        ("l1", "PRICE_INCREASED", ck.Severity.BLOCKING),
        ("l2", "INSUFFICIENT_STOCK", ck.Severity.BLOCKING),
    ]
    tea, mug = report.invalid_items
    assert tea.message == "The price changed from ₹250.00 to ₹275.00. You will pay ₹275.00 each."
    assert (tea.old_unit_price, tea.new_unit_price, tea.difference, tea.difference_bps) == (25000, 27500, 2500, 1000)
    assert tea.fix == ck.Fix.ACCEPT_NEW_PRICE(line_id="l1", line_index=0, unit_price=27500)
    assert (mug.requested_quantity, mug.available_quantity) == (5, 3)
    assert mug.fix == ck.Fix.SET_QUANTITY(line_id="l2", line_index=1, quantity=3)
    assert (report.totals.subtotal, report.totals.total, report.totals.total_quantity) == (174700, 174700, 5)
    assert report.submitted_totals.total == 249500
    assert [l.quantity for l in report.repaired_cart.lines] == [2, 3]

    with pytest.raises(ck.CartError.NotReady) as info:
        ck.plan_checkout(c, cat)
    assert info.value.code() == "CART_NOT_READY"
    assert info.value.report == report

    repaired = ck.apply_fixes(c, report.fixes)
    assert repaired == report.repaired_cart
    plan = ck.plan_checkout(repaired, cat)
    assert plan.total == 174700
    assert ck.format_minor_units(plan.total, plan.currency) == "₹1,747.00"
    assert [(s.product_id, s.quantity) for s in plan.stock_decrements] == [("mug", 3), ("tea", 2)]


def test_json_door_gives_checkout_rules_wire_format():
    cart_json = json.dumps(
        {
            "currency": "INR",
            "lines": [
                {"lineId": "l1", "productId": "tea", "quantity": 2, "unitPrice": 25000},
                {"lineId": "l2", "productId": "mug", "quantity": 5, "unitPrice": 39900},
            ],
        }
    )
    catalog_json = json.dumps(
        {
            "items": [
                {"productId": "tea", "unitPrice": 27500, "currency": "INR", "stockOnHand": 40},
                {"productId": "mug", "unitPrice": 39900, "currency": "INR", "stockOnHand": 3},
            ]
        }
    )
    report = json.loads(ck.validate_cart_json(cart_json, catalog_json))
    assert report["isValid"] is False
    assert [i["code"] for i in report["invalidItems"]] == ["PRICE_INCREASED", "INSUFFICIENT_STOCK"]
    assert report["fixes"][1] == {"kind": "SET_QUANTITY", "lineId": "l2", "lineIndex": 1, "quantity": 3}
    assert report["totals"]["total"] == 174700
    plan = json.loads(ck.plan_checkout_json(json.dumps(report["repairedCart"]), catalog_json))
    assert plan["total"] == 174700
    reports = json.loads(ck.validate_carts_json(json.dumps([json.loads(cart_json)] * 3), catalog_json))
    assert len(reports) == 3 and all(r == report for r in reports)
    with pytest.raises(ck.CartError.InvalidJson) as info:
        ck.validate_cart_json("{not json", catalog_json)
    assert (info.value.code(), info.value.argument) == ("CART_JSON_INVALID", "cart")


def test_insufficient_stock():
    report = ck.validate_cart(cart(line("l1", "mug", 5, 100)), catalog(item("mug", 100, 3)))
    (only,) = report.invalid_items
    assert (only.code, only.requested_quantity, only.available_quantity) == ("INSUFFICIENT_STOCK", 5, 3)
    assert report.repaired_cart.lines[0].quantity == 3
    assert report.totals.subtotal == 300


def test_quantity_not_in_step():
    egg = item("egg", 10, 100, quantity_step=6)
    (only,) = ck.validate_cart(cart(line("l1", "egg", 14, 10)), catalog(egg)).invalid_items
    assert (only.code, only.limit) == ("QUANTITY_NOT_IN_STEP", 6)
    assert only.fix == ck.Fix.SET_QUANTITY(line_id="l1", line_index=0, quantity=12)


def test_product_not_found_and_inactive():
    report = ck.validate_cart(
        cart(line("l1", "gone", 1, 100), line("l2", "off", 1, 100), line("l3", "ok", 1, 100)),
        catalog(item("gone", 100, 5, exists=False), item("off", 100, 5, active=False), item("ok", 100, 5)),
    )
    assert [(i.line_id, i.code) for i in report.invalid_items] == [("l1", "PRODUCT_NOT_FOUND"), ("l2", "PRODUCT_INACTIVE")]
    assert all(i.fix.is_remove_line() for i in report.invalid_items)
    assert [l.line_id for l in report.repaired_cart.lines] == ["l3"]


def test_price_tolerance_policy():
    c = cart(line("l1", "tea", 1, 25000))
    tolerant = ck.Policy(price_increase_tolerance=ck.PriceTolerance(absolute=500, basis_points=200))
    report = ck.validate_cart(c, catalog(item("tea", 25400, 5)), tolerant)
    assert report.is_valid and codes(report) == [("l1", "PRICE_INCREASED", ck.Severity.WARNING)]
    # 25000 -> 25600 is 240 bp: beyond 200 bp although within 500 absolute.
    report = ck.validate_cart(c, catalog(item("tea", 25600, 5)), tolerant)
    assert report.invalid_items[0].severity == ck.Severity.BLOCKING


def test_price_decrease_is_a_warning_and_the_shopper_pays_less():
    report = ck.validate_cart(cart(line("l1", "tea", 2, 25000)), catalog(item("tea", 20000, 5)))
    assert codes(report) == [("l1", "PRICE_DECREASED", ck.Severity.WARNING)]
    assert report.is_valid
    assert (report.totals.total, report.submitted_totals.total) == (40000, 50000)


def test_duplicate_lines_merge_or_report():
    c = cart(line("l1", "tea", 1, 100), line("l2", "tea", 2, 100))
    report = ck.validate_cart(c, catalog(item("tea", 100, 10)))
    assert codes(report) == [("l2", "DUPLICATE_LINE", ck.Severity.WARNING)]
    assert report.repaired_cart.lines == [line("l1", "tea", 3, 100)]
    report = ck.validate_cart(c, catalog(item("tea", 100, 10)), ck.Policy(duplicate_lines=ck.DuplicateLines.REPORT))
    assert report.invalid_items[0].fix == ck.Fix.MERGE_LINES(line_id="l2", line_index=1, into_line_id="l1", into_line_index=0)
    assert not report.is_valid


def test_cart_level_problems():
    empty = ck.validate_cart(cart(), catalog())
    assert [p.code for p in empty.cart_problems] == ["EMPTY_CART"]
    below = ck.validate_cart(cart(line("l1", "gum", 1, 50)), catalog(item("gum", 50, 10)))
    (problem,) = below.cart_problems
    assert (problem.code, problem.actual, problem.limit) == ("TOTAL_BELOW_MINIMUM", 50, 100)
    assert problem.fix == ck.Fix.ADD_ITEMS(minimum_additional_amount=50)
    # Overflow is a typed problem, never a crash.
    huge = ck.validate_cart(cart(line("l1", "gold", 2**62, 2**62)), catalog(item("gold", 2**62, 2**63 - 1)))
    assert "AMOUNT_OVERFLOW" in [i.code for i in huge.invalid_items] + [p.code for p in huge.cart_problems]


def test_validate_carts_keeps_order():
    cat = catalog(item("tea", 100, 2))
    carts = [cart(line("l1", "tea", q, 100), id=f"c{q}") for q in (1, 5, 2)]
    reports = ck.validate_carts(carts, cat)
    assert [(r.cart_id, r.is_valid) for r in reports] == [("c1", True), ("c5", False), ("c2", True)]


def test_invalid_custom_currency_table():
    bad = ck.CurrencyInfo(code="inr", exponent=2, symbol="₹", name="Rupee", min_amount=100, amount_step=1, grouping=ck.Grouping.INDIAN)
    with pytest.raises(ck.CartError.InvalidPolicy) as info:
        ck.validate_cart(cart(line("l1", "tea", 1, 100)), catalog(item("tea", 100, 1)), ck.Policy(currencies=[bad]))
    assert info.value.code() == "CURRENCY_CODE_INVALID"
    # It holds checkout-currency's own error.
    assert isinstance(info.value[0], ck.CurrencyError.InvalidCode) and info.value[0].currency == "inr"
