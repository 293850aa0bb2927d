/* checkout-rules: carts, catalogs, policies, reports and plans — generated from the Rust types by scripts/gen-types.sh (ts-rs); do not edit. */

/**
 * A cart: one currency, the lines the shopper added, and an optional order-level discount.
 *
 * Every number is taken as given (a negative, zero or absurd quantity is representable) so
 * that validation can report it instead of failing to parse.
 */
export type Cart = { 
/**
 * The shop's id for the cart, echoed in reports (useful with [`validate_carts`](crate::validate_carts)).
 */
id?: string | null, 
/**
 * ISO currency code of the cart (`"INR"`).
 */
currency: string, 
/**
 * Lines in the order the shopper sees them.
 */
lines?: Array<CartLine>, 
/**
 * Order-level discount (coupon) in minor units, allocated across lines by
 * [`plan_checkout`](crate::plan_checkout). `0` when absent.
 */
orderDiscount?: number, };

/**
 * One line of a cart.
 */
export type CartLine = { 
/**
 * The shop's id for the line; fixes and problems refer to it.
 */
lineId: string, 
/**
 * The product.
 */
productId: string, 
/**
 * The variant (size, colour …), if the product has variants.
 */
variantId?: string | null, 
/**
 * Quantity as the client sent it, possibly zero, negative or absurd.
 */
quantity: number, 
/**
 * Unit price the shopper saw when adding the line, in minor units.
 */
unitPrice: number, };

/**
 * A snapshot of the products (and variants) a cart may reference, read by the shop from its
 * database just before validation. JSON: `{"items": [...]}`.
 */
export type Catalog = { 
/**
 * The entries; order does not matter.
 */
items: Array<CatalogItem>, };

/**
 * The current state of one product or variant.
 *
 * Keyed by `(product_id, variant_id)`: a cart line with a variant matches only the entry with
 * that variant, a line without one matches only the entry without one.
 */
export type CatalogItem = { 
/**
 * The product.
 */
productId: string, 
/**
 * The variant, if this entry is one.
 */
variantId?: string | null, 
/**
 * `false` for a deleted product kept in the snapshot (reported as PRODUCT_NOT_FOUND).
 */
exists?: boolean, 
/**
 * `false` when the product exists but cannot be bought (unpublished, discontinued).
 */
active?: boolean, 
/**
 * Current unit price in minor units of `currency`.
 */
unitPrice: number, 
/**
 * ISO currency code of `unit_price`.
 */
currency: string, 
/**
 * Units on hand (ignored when stock is not tracked; negative counts as zero).
 */
stockOnHand: number, 
/**
 * Whether stock is tracked at all (`true` when absent).
 */
trackStock?: boolean, 
/**
 * Whether tracked stock may go below zero (the order is back-ordered).
 */
allowBackorder?: boolean, 
/**
 * Minimum quantity per order.
 */
minQuantity?: number | null, 
/**
 * Maximum quantity per order.
 */
maxQuantity?: number | null, 
/**
 * The quantity per order must be a multiple of this (packs of 6 …).
 */
quantityStep?: number | null, };

/**
 * How far a unit price may move (in one direction) before the change blocks checkout.
 *
 * A change is *within* tolerance when it satisfies every limit that is set: at most
 * `absolute` minor units and at most `basis_points` of the price the shopper saw
 * (100 bp = 1 %). With neither set, any change is within tolerance. Negative limits count as 0.
 * A change within tolerance is a warning (the shopper pays the current price); beyond it,
 * the problem is blocking until the shopper accepts the new price.
 */
export type PriceTolerance = { 
/**
 * Largest tolerated change per unit, in minor units.
 */
absolute?: number | null, 
/**
 * Largest tolerated change per unit, in basis points of the price the shopper saw.
 */
basisPoints?: number | null, };

/**
 * Payable limits for one currency, in minor units.
 */
export type AmountLimits = { 
/**
 * Smallest payable total; overrides the currency table's minimum.
 */
min?: number | null, 
/**
 * Largest payable total.
 */
max?: number | null, };

/**
 * What to do with two lines for the same product and variant.
 */
export type DuplicateLines = "merge" | "report";

/**
 * The shop's checkout rules. Every field has a default, so `{}` is a valid policy:
 * price increases block, decreases are warnings, no line or quantity limits, the gateway
 * minimum of the currency table applies, duplicate lines are merged, Razorpay's currencies.
 * An unknown field is an error, so a misspelt rule cannot silently fall back to its default.
 */
export type Policy = { 
/**
 * Tolerance for prices that went up since the shopper added the line.
 */
priceIncreaseTolerance?: PriceTolerance, 
/**
 * Tolerance for prices that went down.
 */
priceDecreaseTolerance?: PriceTolerance, 
/**
 * Most lines a cart may have (after merging duplicates and removing dead lines).
 */
maxLines?: number, 
/**
 * Most units a cart may hold, summed over lines.
 */
maxTotalQuantity?: number, 
/**
 * Payable limits per currency code.
 */
amountLimits?: { [key in string]: AmountLimits }, 
/**
 * Apply the currency table's `min_amount` (Razorpay: 100 paise for INR) when
 * `amount_limits` sets no minimum for the cart's currency.
 */
applyGatewayMinimum?: boolean, 
/**
 * Merge or report duplicate lines.
 */
duplicateLines?: DuplicateLines, 
/**
 * Currency table; `None` means [`CurrencyTable::razorpay`].
 */
currencies?: Array<CurrencyInfo>, };

/**
 * Stable machine-readable problem codes (SCREAMING_SNAKE on the wire).
 *
 * The declaration order is the precedence order: within one line (and among cart-level
 * problems) problems are listed in this order. See the crate docs for the suppression rules.
 */
export type ProblemCode = "DUPLICATE_LINE_ID" | "PRODUCT_NOT_FOUND" | "PRODUCT_INACTIVE" | "CURRENCY_MISMATCH" | "PRICE_INVALID" | "QUANTITY_INVALID" | "OUT_OF_STOCK" | "AMOUNT_OVERFLOW" | "INSUFFICIENT_STOCK" | "QUANTITY_ABOVE_MAXIMUM" | "QUANTITY_BELOW_MINIMUM" | "QUANTITY_NOT_IN_STEP" | "PRICE_INCREASED" | "PRICE_DECREASED" | "DUPLICATE_LINE" | "CURRENCY_UNSUPPORTED" | "EMPTY_CART" | "TOO_MANY_LINES" | "TOTAL_QUANTITY_ABOVE_MAXIMUM" | "DISCOUNT_INVALID" | "TOTAL_BELOW_MINIMUM" | "TOTAL_ABOVE_MAXIMUM";

/**
 * Whether a problem stops checkout.
 */
export type Severity = "blocking" | "warning";

/**
 * A suggested fix. Line fixes name the line by id (for people) and by its index in the
 * submitted cart (so a repeated id stays unambiguous).
 *
 * The first five kinds are *automatic*: [`apply_fixes`] applies them. The others describe what
 * the shopper has to decide (which items to add or drop) and are left to the front end.
 * JSON: `{"kind": "SET_QUANTITY", "lineId": "l1", "lineIndex": 0, "quantity": 3}`.
 */
export type Fix = { "kind": "REMOVE_LINE", 
/**
 * The line's id.
 */
lineId: string, 
/**
 * The line's position in the submitted cart.
 */
lineIndex: number, } | { "kind": "SET_QUANTITY", 
/**
 * The line's id.
 */
lineId: string, 
/**
 * The line's position in the submitted cart.
 */
lineIndex: number, 
/**
 * The new quantity.
 */
quantity: number, } | { "kind": "ACCEPT_NEW_PRICE", 
/**
 * The line's id.
 */
lineId: string, 
/**
 * The line's position in the submitted cart.
 */
lineIndex: number, 
/**
 * The current unit price in minor units.
 */
unitPrice: number, } | { "kind": "MERGE_LINES", 
/**
 * The duplicate line's id.
 */
lineId: string, 
/**
 * The duplicate line's position.
 */
lineIndex: number, 
/**
 * The id of the line that keeps the merged quantity.
 */
intoLineId: string, 
/**
 * That line's position.
 */
intoLineIndex: number, } | { "kind": "SET_DISCOUNT", 
/**
 * The new discount in minor units.
 */
orderDiscount: number, } | { "kind": "ADD_ITEMS", 
/**
 * Minor units still missing.
 */
minimumAdditionalAmount: number, } | { "kind": "REDUCE_TOTAL", 
/**
 * Minor units above the maximum.
 */
minimumReduction: number, } | { "kind": "REMOVE_LINES", 
/**
 * Lines above the maximum.
 */
count: number, } | { "kind": "REDUCE_QUANTITY", 
/**
 * Units above the maximum.
 */
minimumReduction: number, };

/**
 * One problem with one cart line. A line may have several (a price change and a stock
 * shortage); each has its own entry, ordered by line and then by code precedence.
 */
export type InvalidItem = { 
/**
 * Stable machine-readable code.
 */
code: ProblemCode, 
/**
 * Blocking or warning.
 */
severity: Severity, 
/**
 * A sentence for the shopper, in English.
 */
message: string, 
/**
 * The line's id.
 */
lineId: string, 
/**
 * The line's position in the submitted cart.
 */
lineIndex: number, 
/**
 * The product.
 */
productId: string, 
/**
 * The variant, if any.
 */
variantId?: string | null, 
/**
 * Quantity requested: for quantity and stock problems, summed over every line of the
 * same item; otherwise the line's own quantity.
 */
requestedQuantity: number, 
/**
 * Units that can be sold, when stock limits the order.
 */
availableQuantity?: number | null, 
/**
 * The rule's limit for quantity problems (minimum, maximum or step).
 */
limit?: number | null, 
/**
 * Unit price the shopper saw (price problems).
 */
oldUnitPrice?: number | null, 
/**
 * Current catalog unit price (price problems).
 */
newUnitPrice?: number | null, 
/**
 * `new - old` per unit in minor units (price problems).
 */
difference?: number | null, 
/**
 * `difference` in basis points of the old price, truncated toward zero; absent when the
 * old price is not positive.
 */
differenceBps?: number | null, 
/**
 * What would fix it.
 */
fix: Fix, };

/**
 * A problem with the cart as a whole, evaluated on the cart as it would be checked out
 * (after every line fix).
 */
export type CartProblem = { 
/**
 * Stable machine-readable code.
 */
code: ProblemCode, 
/**
 * Blocking or warning (cart problems are always blocking today).
 */
severity: Severity, 
/**
 * A sentence for the shopper, in English.
 */
message: string, 
/**
 * The observed value (total, line count, quantity or discount).
 */
actual?: number | null, 
/**
 * The limit it breaks.
 */
limit?: number | null, 
/**
 * What would fix it; absent when nothing can (an unsupported currency, an overflow).
 */
fix?: Fix | null, };

/**
 * Totals of a cart in minor units.
 */
export type Totals = { 
/**
 * ISO currency code.
 */
currency: string, 
/**
 * Number of lines.
 */
lineCount: number, 
/**
 * Units summed over lines.
 */
totalQuantity: number, 
/**
 * Σ quantity × unit price.
 */
subtotal: number, 
/**
 * Order discount.
 */
discount: number, 
/**
 * `subtotal - discount`: the payable amount.
 */
total: number, };

/**
 * The result of [`validate_cart`](crate::validate_cart).
 */
export type CartReport = { 
/**
 * The cart id, if the cart had one.
 */
cartId?: string | null, 
/**
 * `true` iff no problem is blocking.
 */
isValid: boolean, 
/**
 * Line problems, ordered by line and then by code precedence.
 */
invalidItems: Array<InvalidItem>, 
/**
 * Cart-level problems in code precedence order.
 */
cartProblems: Array<CartProblem>, 
/**
 * What would be charged: the repaired cart at current prices. `None` when an amount
 * overflows.
 */
totals: Totals | null, 
/**
 * The cart as submitted, at the prices the shopper saw, over lines with a positive
 * quantity. `None` when an amount overflows.
 */
submittedTotals: Totals | null, 
/**
 * Every suggested fix, deduplicated: line fixes in `invalid_items` order, then cart-level
 * fixes in `cart_problems` order.
 */
fixes: Array<Fix>, 
/**
 * The cart with every automatic fix applied.
 */
repairedCart: Cart, };

/**
 * One line of the plan.
 */
export type PlannedLine = { 
/**
 * The cart line id (the first line, when duplicates were merged).
 */
lineId: string, 
/**
 * The product.
 */
productId: string, 
/**
 * The variant, if any.
 */
variantId?: string | null, 
/**
 * Units.
 */
quantity: number, 
/**
 * The locked unit price: the catalog price at validation time.
 */
unitPrice: number, 
/**
 * `quantity × unit_price`.
 */
subtotal: number, 
/**
 * This line's share of the order discount (largest remainder).
 */
discount: number, 
/**
 * `subtotal - discount`.
 */
total: number, };

/**
 * Units to take out of stock for one catalog item.
 */
export type StockDecrement = { 
/**
 * The product.
 */
productId: string, 
/**
 * The variant, if any.
 */
variantId?: string | null, 
/**
 * Units to decrement.
 */
quantity: number, };

/**
 * The order to persist for a valid cart: locked prices, exact totals, stock to decrement.
 */
export type CheckoutPlan = { 
/**
 * The cart id, if the cart had one.
 */
cartId?: string | null, 
/**
 * ISO currency code.
 */
currency: string, 
/**
 * One line per catalog item (duplicates merged), in cart order.
 */
lines: Array<PlannedLine>, 
/**
 * Units summed over lines.
 */
totalQuantity: number, 
/**
 * Σ line subtotals.
 */
subtotal: number, 
/**
 * Order discount, equal to Σ line discounts.
 */
discount: number, 
/**
 * `subtotal - discount`, equal to Σ line totals: the amount to charge (send this to
 * Razorpay as the order amount).
 */
total: number, 
/**
 * Stock to decrement, for tracked items only, sorted by product and variant id so that
 * concurrent checkouts lock rows in the same order (no deadlocks).
 */
stockDecrements: Array<StockDecrement>, 
/**
 * Warnings the shopper should see (a lower price, merged lines).
 */
warnings: Array<InvalidItem>, };

/**
 * How the integer part of a formatted amount is grouped.
 */
export type Grouping = "thousands" | "indian";

/**
 * One currency: code, exponent, display symbol and the payable limits.
 *
 * Amounts are always `i64` minor units: `exponent` is the number of decimal places, so
 * ₹1.00 is `100` (exponent 2), ¥1 is `1` (exponent 0) and 1.000 KD is `1000` (exponent 3).
 */
export type CurrencyInfo = { 
/**
 * ISO 4217 alphabetic code, upper case (`"INR"`).
 */
code: string, 
/**
 * Decimal places of the minor unit (INR 2, JPY 0, KWD 3).
 */
exponent: number, 
/**
 * Display symbol (`"₹"`, `"$"`, `"KD"`).
 */
symbol: string, 
/**
 * English name, for messages and pickers.
 */
name: string, 
/**
 * Smallest payable amount in minor units (INR: 100 paise).
 */
minAmount: number, 
/**
 * Payable amounts must be a multiple of this many minor units (1 for most currencies;
 * 10 for three-decimal currencies, whose last digit Razorpay requires to be 0).
 */
amountStep?: number, 
/**
 * Digit grouping used by [`format`](Self::format).
 */
grouping?: Grouping, };
