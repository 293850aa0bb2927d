/* razorpay-core: Razorpay's objects and webhook events — generated from the Rust types by scripts/gen-types.sh (ts-rs); do not edit. */

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type Notes = { [key in string]?: string | number | boolean | null } | [];

export type LenientBool = boolean | string | number;

/**
 * A list response: `{"entity": "collection", "count": n, "items": [...]}`.
 *
 * ```
 * use razorpay_core::model::{Collection, Refund};
 *
 * let page: Collection<Refund> = serde_json::from_str(r#"{
 *     "entity": "collection", "count": 1,
 *     "items": [{"id": "rfnd_1", "entity": "refund", "amount": 100, "currency": "INR",
 *                "payment_id": "pay_1", "created_at": 1500826750}]
 * }"#)?;
 * assert_eq!(page.items[0].amount, 100);
 * # Ok::<(), serde_json::Error>(())
 * ```
 */
export type Collection<T> = { 
/**
 * Always `"collection"`.
 */
entity: string, 
/**
 * Number of items in this page.
 */
count: number, 
/**
 * The items.
 */
items: Array<T>, };

export type PaymentStatus = "created" | "authorized" | "captured" | "refunded" | "failed" | (string & {});

export type OrderStatus = "created" | "attempted" | "paid" | (string & {});

export type RefundStatus = "pending" | "processed" | "failed" | (string & {});

export type DisputeStatus = "open" | "under_review" | "won" | "lost" | "closed" | (string & {});

export type DowntimeStatus = "scheduled" | "started" | "updated" | "resolved" | (string & {});

export type PaymentLinkStatus = "created" | "partially_paid" | "paid" | "cancelled" | "expired" | (string & {});

export type SubscriptionStatus = "created" | "authenticated" | "active" | "pending" | "halted" | "cancelled" | "completed" | "expired" | "paused" | (string & {});

export type InvoiceStatus = "draft" | "issued" | "partially_paid" | "paid" | "cancelled" | "expired" | "deleted" | (string & {});

export type Order = { 
/**
 * Order id, `order_…`.
 */
id: string, 
/**
 * Always `"order"`.
 */
entity?: string | null, 
/**
 * Amount to collect, in the currency's smallest unit.
 */
amount: number, 
/**
 * Amount paid so far.
 */
amount_paid?: number | null, 
/**
 * Amount still due.
 */
amount_due?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency: string, 
/**
 * The merchant's own reference (at most 40 characters).
 */
receipt?: string | null, 
/**
 * Offer applied to the order, `offer_…`.
 */
offer_id?: string | null, 
/**
 * The order's status.
 */
status: OrderStatus, 
/**
 * Number of payment attempts.
 */
attempts?: number | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Whether the customer may pay in parts.
 */
partial_payment?: LenientBool | null, 
/**
 * Minimum first payment when partial payments are allowed.
 */
first_payment_min_amount?: number | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Payment = { 
/**
 * Payment id, `pay_…`.
 */
id: string, 
/**
 * Always `"payment"`.
 */
entity?: string | null, 
/**
 * Amount in the currency's smallest unit.
 */
amount: number, 
/**
 * ISO 4217 currency code, e.g. `INR`.
 */
currency: string, 
/**
 * The payment's status.
 */
status: PaymentStatus, 
/**
 * The order this payment pays, `order_…`.
 */
order_id?: string | null, 
/**
 * The invoice this payment pays, `inv_…`.
 */
invoice_id?: string | null, 
/**
 * Whether the payment was made with an international instrument.
 */
international?: LenientBool | null, 
/**
 * `card`, `netbanking`, `wallet`, `emi`, `upi`, …
 */
method?: string | null, 
/**
 * Amount refunded so far, in the smallest unit.
 */
amount_refunded?: number | null, 
/**
 * Amount transferred to linked accounts (Route), in the smallest unit.
 */
amount_transferred?: number | null, 
/**
 * `partial` or `full` once refunds exist.
 */
refund_status?: string | null, 
/**
 * Whether the payment was captured. Razorpay sometimes sends `"1"`.
 */
captured?: LenientBool | null, 
/**
 * Description given at checkout.
 */
description?: string | null, 
/**
 * Card id for card payments, `card_…`.
 */
card_id?: string | null, 
/**
 * Card details for card payments.
 */
card?: Card | null, 
/**
 * Bank code for netbanking payments, e.g. `HDFC`.
 */
bank?: string | null, 
/**
 * Wallet name for wallet payments, e.g. `freecharge`.
 */
wallet?: string | null, 
/**
 * The customer's VPA for UPI payments.
 */
vpa?: string | null, 
/**
 * UPI details for UPI payments.
 */
upi?: Upi | null, 
/**
 * Customer email.
 */
email?: string | null, 
/**
 * Customer phone number.
 */
contact?: string | null, 
/**
 * Customer id, `cust_…`.
 */
customer_id?: string | null, 
/**
 * Saved-card or recurring token id, `token_…`.
 */
token_id?: string | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Razorpay's fee (including tax), in the smallest unit.
 */
fee?: number | null, 
/**
 * Tax on the fee, in the smallest unit.
 */
tax?: number | null, 
/**
 * Error code of a failed payment. May be `""` or `"NA"`: prefer [`Payment::failure`].
 */
error_code?: string | null, 
/**
 * Error description of a failed payment.
 */
error_description?: string | null, 
/**
 * Where the failure happened: `customer`, `bank`, `business`, …
 */
error_source?: string | null, 
/**
 * The step that failed, e.g. `payment_authorization`.
 */
error_step?: string | null, 
/**
 * Why it failed, e.g. `payment_cancelled`.
 */
error_reason?: string | null, 
/**
 * Bank references: `rrn`, `auth_code`, `bank_transaction_id`, `upi_transaction_id`, …
 */
acquirer_data?: { [key in string]: JsonValue } | null, 
/**
 * Amount in the merchant's base currency, for international payments.
 */
base_amount?: number | null, 
/**
 * The merchant's base currency.
 */
base_currency?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Card = { 
/**
 * Card id, `card_…`.
 */
id: string, 
/**
 * Always `"card"`.
 */
entity?: string | null, 
/**
 * Name on the card.
 */
name?: string | null, 
/**
 * Last four digits.
 */
last4?: string | null, 
/**
 * Card network: `Visa`, `MasterCard`, `RuPay`, `American Express`, …
 */
network?: string | null, 
/**
 * `credit`, `debit`, `prepaid` or `unknown`.
 */
type?: string | null, 
/**
 * Issuing bank code, e.g. `HDFC`.
 */
issuer?: string | null, 
/**
 * Whether the card was issued outside India.
 */
international?: LenientBool | null, 
/**
 * Whether the card supports EMI.
 */
emi?: LenientBool | null, 
/**
 * `consumer` or `business`.
 */
sub_type?: string | null, };

export type Upi = { 
/**
 * The customer's VPA (UPI id), e.g. `gaurav.kumar@exampleupi`.
 */
vpa?: string | null, 
/**
 * `bank_account`, `credit_card`, `wallet`, …
 */
payer_account_type?: string | null, 
/**
 * `collect`, `intent` or `in_app`.
 */
flow?: string | null, };

export type Refund = { 
/**
 * Refund id, `rfnd_…`.
 */
id: string, 
/**
 * Always `"refund"`.
 */
entity?: string | null, 
/**
 * Amount refunded, in the currency's smallest unit.
 */
amount: number, 
/**
 * ISO 4217 currency code.
 */
currency: string, 
/**
 * The refunded payment, `pay_…`.
 */
payment_id: string, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * The merchant's own reference.
 */
receipt?: string | null, 
/**
 * Bank references, e.g. `arn`.
 */
acquirer_data?: { [key in string]: JsonValue } | null, 
/**
 * Batch id when the refund was created in a batch.
 */
batch_id?: string | null, 
/**
 * The refund's status.
 */
status?: RefundStatus | null, 
/**
 * `normal` or `instant`: how it was processed.
 */
speed_processed?: string | null, 
/**
 * `normal` or `optimum`: what was asked for.
 */
speed_requested?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Dispute = { 
/**
 * Dispute id, `disp_…`.
 */
id: string, 
/**
 * Always `"dispute"`.
 */
entity?: string | null, 
/**
 * The disputed payment, `pay_…`.
 */
payment_id: string, 
/**
 * Disputed amount, in the currency's smallest unit.
 */
amount: number, 
/**
 * ISO 4217 currency code.
 */
currency: string, 
/**
 * Amount deducted from the merchant's balance.
 */
amount_deducted?: number | null, 
/**
 * The network's own id of the dispute.
 */
gateway_dispute_id?: string | null, 
/**
 * The reason, in words.
 */
reason_description?: string | null, 
/**
 * Razorpay's comments.
 */
comments?: string | null, 
/**
 * The network's reason code, e.g. `processed_invalid_expired_card`.
 */
reason_code?: string | null, 
/**
 * Deadline to respond, Unix seconds.
 */
respond_by?: number | null, 
/**
 * The dispute's status.
 */
status: DisputeStatus, 
/**
 * `fraud`, `retrieval`, `chargeback`, `pre_arbitration` or `arbitration`.
 */
phase?: string | null, 
/**
 * The evidence submitted so far, as received.
 */
evidence?: JsonValue | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Downtime = { 
/**
 * Downtime id, `down_…`.
 */
id: string, 
/**
 * Always `"payment.downtime"`.
 */
entity?: string | null, 
/**
 * The affected method: `card`, `netbanking`, `upi`, …
 */
method?: string | null, 
/**
 * Start, Unix seconds.
 */
begin?: number | null, 
/**
 * End, Unix seconds; `None` while it lasts.
 */
end?: number | null, 
/**
 * The downtime's status.
 */
status: DowntimeStatus, 
/**
 * Whether it was planned.
 */
scheduled?: LenientBool | null, 
/**
 * `high`, `medium` or `low`.
 */
severity?: string | null, 
/**
 * What is down, e.g. `{"network": "MC", "type": "credit"}` or `{"bank": "HDFC"}`.
 */
instrument?: { [key in string]: JsonValue } | null, 
/**
 * The keys of `instrument` that identify the instrument.
 */
instrument_schema?: Array<string> | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, 
/**
 * Last update, Unix seconds.
 */
updated_at?: number | null, };

export type PaymentLink = { 
/**
 * Payment link id, `plink_…`.
 */
id: string, 
/**
 * `"payment_link"` when present.
 */
entity?: string | null, 
/**
 * Amount to collect, in the currency's smallest unit.
 */
amount: number, 
/**
 * Amount paid so far.
 */
amount_paid?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency: string, 
/**
 * Whether the customer may pay in parts.
 */
accept_partial?: LenientBool | null, 
/**
 * Minimum first partial payment.
 */
first_min_partial_amount?: number | null, 
/**
 * Description shown to the customer.
 */
description?: string | null, 
/**
 * The customer the link was sent to.
 */
customer?: PaymentLinkCustomer | null, 
/**
 * The merchant's own reference (signed in the callback, may be `""`).
 */
reference_id?: string | null, 
/**
 * The order created for the link, `order_…`.
 */
order_id?: string | null, 
/**
 * The link itself.
 */
short_url?: string | null, 
/**
 * The link's status.
 */
status: PaymentLinkStatus, 
/**
 * Merchant notes (`null` on some links).
 */
notes?: Notes, 
/**
 * Whether it is a UPI-only link.
 */
upi_link?: LenientBool | null, 
/**
 * Whether Razorpay sends the link by `sms` / `email`, as received.
 */
notify?: { [key in string]: JsonValue } | null, 
/**
 * Whether Razorpay sends reminders.
 */
reminder_enable?: LenientBool | null, 
/**
 * Reminder state, as received (`[]` or `{"status": …}`).
 */
reminders?: JsonValue | null, 
/**
 * Payments made on the link, as received (`null` until the first one).
 */
payments?: JsonValue | null, 
/**
 * The Dashboard user who created it.
 */
user_id?: string | null, 
/**
 * Where the customer is redirected after paying.
 */
callback_url?: string | null, 
/**
 * `get` for the redirect.
 */
callback_method?: string | null, 
/**
 * Expiry, Unix seconds (`0` when none).
 */
expire_by?: number | null, 
/**
 * When it expired, Unix seconds (`0` when not expired).
 */
expired_at?: number | null, 
/**
 * When it was cancelled, Unix seconds (`0` when not cancelled).
 */
cancelled_at?: number | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, 
/**
 * Last update, Unix seconds.
 */
updated_at?: number | null, };

export type PaymentLinkCustomer = { 
/**
 * Name.
 */
name?: string | null, 
/**
 * Email.
 */
email?: string | null, 
/**
 * Phone number.
 */
contact?: string | null, };

export type Subscription = { 
/**
 * Subscription id, `sub_…`.
 */
id: string, 
/**
 * Always `"subscription"`.
 */
entity?: string | null, 
/**
 * The plan, `plan_…`.
 */
plan_id?: string | null, 
/**
 * The customer, `cust_…`.
 */
customer_id?: string | null, 
/**
 * The subscription's status.
 */
status: SubscriptionStatus, 
/**
 * Start of the current billing cycle, Unix seconds.
 */
current_start?: number | null, 
/**
 * End of the current billing cycle, Unix seconds.
 */
current_end?: number | null, 
/**
 * When it ended, Unix seconds.
 */
ended_at?: number | null, 
/**
 * Units of the plan charged per cycle.
 */
quantity?: number | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Next charge, Unix seconds.
 */
charge_at?: number | null, 
/**
 * First charge, Unix seconds.
 */
start_at?: number | null, 
/**
 * Last charge, Unix seconds.
 */
end_at?: number | null, 
/**
 * Authorisation attempts so far.
 */
auth_attempts?: number | null, 
/**
 * Number of billing cycles.
 */
total_count?: number | null, 
/**
 * Cycles charged so far.
 */
paid_count?: number | null, 
/**
 * Cycles still to charge.
 */
remaining_count?: number | null, 
/**
 * Whether Razorpay notifies the customer.
 */
customer_notify?: LenientBool | null, 
/**
 * Deadline for the customer to authorise, Unix seconds.
 */
expire_by?: number | null, 
/**
 * Authorisation link.
 */
short_url?: string | null, 
/**
 * Whether a plan or quantity change is scheduled.
 */
has_scheduled_changes?: LenientBool | null, 
/**
 * When the scheduled change applies, Unix seconds.
 */
change_scheduled_at?: number | null, 
/**
 * `api`, `dashboard`, …
 */
source?: string | null, 
/**
 * Offer applied, `offer_…`.
 */
offer_id?: string | null, 
/**
 * How the customer pays: `card`, `emandate`, `upi`, …
 */
payment_method?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Invoice = { 
/**
 * Invoice id, `inv_…`.
 */
id: string, 
/**
 * Always `"invoice"`.
 */
entity?: string | null, 
/**
 * `invoice`, `link` or `ecod`.
 */
type?: string | null, 
/**
 * The merchant's invoice number.
 */
invoice_number?: string | null, 
/**
 * The merchant's own reference (signed in the invoice callback).
 */
receipt?: string | null, 
/**
 * The customer, `cust_…`.
 */
customer_id?: string | null, 
/**
 * The order created for the invoice, `order_…`.
 */
order_id?: string | null, 
/**
 * The payment that paid it, `pay_…`.
 */
payment_id?: string | null, 
/**
 * The subscription it bills, `sub_…`.
 */
subscription_id?: string | null, 
/**
 * The invoice's status.
 */
status: InvoiceStatus, 
/**
 * Total, in the currency's smallest unit (`None` on some drafts).
 */
amount?: number | null, 
/**
 * Amount paid so far.
 */
amount_paid?: number | null, 
/**
 * Amount still due.
 */
amount_due?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency?: string | null, 
/**
 * Description.
 */
description?: string | null, 
/**
 * Whether the customer may pay in parts.
 */
partial_payment?: LenientBool | null, 
/**
 * Total before tax, in the currency's smallest unit.
 */
gross_amount?: number | null, 
/**
 * Tax, in the currency's smallest unit.
 */
tax_amount?: number | null, 
/**
 * Amount tax applies to, in the currency's smallest unit.
 */
taxable_amount?: number | null, 
/**
 * Start of the billed period, Unix seconds.
 */
billing_start?: number | null, 
/**
 * End of the billed period, Unix seconds.
 */
billing_end?: number | null, 
/**
 * SMS delivery: `pending` or `sent`.
 */
sms_status?: string | null, 
/**
 * Email delivery: `pending` or `sent`.
 */
email_status?: string | null, 
/**
 * Comment shown on the invoice.
 */
comment?: string | null, 
/**
 * Terms shown on the invoice.
 */
terms?: string | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Link to the invoice.
 */
short_url?: string | null, 
/**
 * Invoice date, Unix seconds.
 */
date?: number | null, 
/**
 * When it was issued, Unix seconds.
 */
issued_at?: number | null, 
/**
 * When it was paid, Unix seconds.
 */
paid_at?: number | null, 
/**
 * When it was cancelled, Unix seconds.
 */
cancelled_at?: number | null, 
/**
 * When it expired, Unix seconds.
 */
expired_at?: number | null, 
/**
 * Expiry, Unix seconds.
 */
expire_by?: number | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Customer = { 
/**
 * Customer id, `cust_…`.
 */
id: string, 
/**
 * Always `"customer"`.
 */
entity?: string | null, 
/**
 * Name.
 */
name?: string | null, 
/**
 * Email.
 */
email?: string | null, 
/**
 * Phone number.
 */
contact?: string | null, 
/**
 * GST number.
 */
gstin?: string | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Token = { 
/**
 * Token id, `token_…`.
 */
id: string, 
/**
 * Always `"token"`.
 */
entity?: string | null, 
/**
 * The token value used in payment requests.
 */
token?: string | null, 
/**
 * Bank code of a netbanking / emandate token.
 */
bank?: string | null, 
/**
 * Wallet of a wallet token.
 */
wallet?: string | null, 
/**
 * `card`, `upi`, `emandate`, `nach`, …
 */
method?: string | null, 
/**
 * The masked card of a card token, as received (it has no `card_…` id here).
 */
card?: { [key in string]: JsonValue } | null, 
/**
 * The UPI details of a UPI token, as received.
 */
vpa?: { [key in string]: JsonValue } | null, 
/**
 * Whether the token may be charged without the customer (recurring).
 */
recurring?: LenientBool | null, 
/**
 * Mandate status, e.g. `{"status": "confirmed", "failure_reason": null}`.
 */
recurring_details?: { [key in string]: JsonValue } | null, 
/**
 * How the mandate was authorised (`netbanking`, `debitcard`, `aadhaar`, …).
 */
auth_type?: string | null, 
/**
 * Mandate reference number.
 */
mrn?: string | null, 
/**
 * Largest amount one charge may take, in the currency's smallest unit.
 */
max_amount?: number | null, 
/**
 * Token status (`active`, `confirmed`, `rejected`, …).
 */
status?: string | null, 
/**
 * Last use, Unix seconds.
 */
used_at?: number | null, 
/**
 * Expiry, Unix seconds.
 */
expired_at?: number | null, 
/**
 * The customer, `cust_…` (webhook payloads).
 */
customer_id?: string | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Item = { 
/**
 * Item id, `item_…`.
 */
id: string, 
/**
 * `"item"` when present (embedded items leave it out).
 */
entity?: string | null, 
/**
 * Whether the item can be used.
 */
active?: LenientBool | null, 
/**
 * Name.
 */
name?: string | null, 
/**
 * Description.
 */
description?: string | null, 
/**
 * Price, in the currency's smallest unit.
 */
amount?: number | null, 
/**
 * Price per unit, in the currency's smallest unit.
 */
unit_amount?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency?: string | null, 
/**
 * `invoice`, `plan`, `addon`, …
 */
type?: string | null, 
/**
 * Unit name.
 */
unit?: string | null, 
/**
 * Whether `amount` includes tax.
 */
tax_inclusive?: LenientBool | null, 
/**
 * HSN code (goods).
 */
hsn_code?: string | null, 
/**
 * SAC code (services).
 */
sac_code?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, 
/**
 * Last update, Unix seconds.
 */
updated_at?: number | null, };

export type Plan = { 
/**
 * Plan id, `plan_…`.
 */
id: string, 
/**
 * Always `"plan"`.
 */
entity?: string | null, 
/**
 * Charge every `interval` `period`s.
 */
interval?: number | null, 
/**
 * `daily`, `weekly`, `monthly` or `yearly`.
 */
period?: string | null, 
/**
 * What is charged each cycle (its amount and currency).
 */
item?: Item | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Addon = { 
/**
 * Add-on id, `ao_…`.
 */
id: string, 
/**
 * Always `"addon"`.
 */
entity?: string | null, 
/**
 * What is charged (its amount and currency).
 */
item?: Item | null, 
/**
 * Units charged.
 */
quantity?: number | null, 
/**
 * The subscription, `sub_…`.
 */
subscription_id?: string | null, 
/**
 * The invoice it was billed on, `inv_…` (`None` until then).
 */
invoice_id?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Settlement = { 
/**
 * Settlement id, `setl_…`.
 */
id: string, 
/**
 * Always `"settlement"`.
 */
entity?: string | null, 
/**
 * Amount settled, in the currency's smallest unit.
 */
amount: number, 
/**
 * `created`, `processed` or `failed`.
 */
status?: string | null, 
/**
 * Fees deducted, in the currency's smallest unit.
 */
fees?: number | null, 
/**
 * Tax on the fees, in the currency's smallest unit.
 */
tax?: number | null, 
/**
 * The bank's transfer reference.
 */
utr?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type QrCode = { 
/**
 * QR code id, `qr_…`.
 */
id: string, 
/**
 * Always `"qr_code"`.
 */
entity?: string | null, 
/**
 * Label.
 */
name?: string | null, 
/**
 * `single_use` or `multiple_use`.
 */
usage?: string | null, 
/**
 * `upi_qr` or `bharat_qr`.
 */
type?: string | null, 
/**
 * The QR image.
 */
image_url?: string | null, 
/**
 * Amount to pay when `fixed_amount`, in the currency's smallest unit.
 */
payment_amount?: number | null, 
/**
 * `active` or `closed`.
 */
status?: string | null, 
/**
 * Description.
 */
description?: string | null, 
/**
 * Whether only `payment_amount` is accepted.
 */
fixed_amount?: LenientBool | null, 
/**
 * Total received, in the currency's smallest unit.
 */
payments_amount_received?: number | null, 
/**
 * Number of payments received.
 */
payments_count_received?: number | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * The customer, `cust_…`.
 */
customer_id?: string | null, 
/**
 * When it closes, Unix seconds.
 */
close_by?: number | null, 
/**
 * When it closed, Unix seconds.
 */
closed_at?: number | null, 
/**
 * `on_demand`, `paid` (single use) or `expired`.
 */
close_reason?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type VirtualAccount = { 
/**
 * Virtual account id, `va_…`.
 */
id: string, 
/**
 * Always `"virtual_account"`.
 */
entity?: string | null, 
/**
 * Name shown to payers.
 */
name?: string | null, 
/**
 * `active` or `closed`.
 */
status?: string | null, 
/**
 * Description.
 */
description?: string | null, 
/**
 * Amount expected, in the currency's smallest unit.
 */
amount_expected?: number | null, 
/**
 * Total received, in the currency's smallest unit.
 */
amount_paid?: number | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * The customer, `cust_…`.
 */
customer_id?: string | null, 
/**
 * Where payers send money: bank accounts, VPAs, QR codes (each as received).
 */
receivers?: Array<{ [key in string]: JsonValue }> | null, 
/**
 * Accounts allowed to pay (TPV), as received.
 */
allowed_payers?: Array<{ [key in string]: JsonValue }> | null, 
/**
 * When it closes, Unix seconds.
 */
close_by?: number | null, 
/**
 * When it closed, Unix seconds.
 */
closed_at?: number | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Transfer = { 
/**
 * Transfer id, `trf_…`.
 */
id: string, 
/**
 * Always `"transfer"`.
 */
entity?: string | null, 
/**
 * `created`, `pending`, `processed`, `failed`, `reversed`, `partially_reversed`.
 */
status?: string | null, 
/**
 * The same, on transfers created from an order.
 */
transfer_status?: string | null, 
/**
 * `pending`, `on_hold` or `settled`.
 */
settlement_status?: string | null, 
/**
 * Where the money comes from: `pay_…`, `order_…` or `acc_…`.
 */
source?: string | null, 
/**
 * The linked account, `acc_…`.
 */
recipient?: string | null, 
/**
 * Amount, in the currency's smallest unit.
 */
amount: number, 
/**
 * ISO 4217 currency code.
 */
currency: string, 
/**
 * Amount reversed so far.
 */
amount_reversed?: number | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * The keys of `notes` shown to the linked account.
 */
linked_account_notes?: Array<string> | null, 
/**
 * Fees, in the currency's smallest unit.
 */
fees?: number | null, 
/**
 * Tax on the fees.
 */
tax?: number | null, 
/**
 * Whether the settlement to the linked account is held.
 */
on_hold?: LenientBool | null, 
/**
 * Hold until, Unix seconds.
 */
on_hold_until?: number | null, 
/**
 * The linked account's settlement, `setl_…`.
 */
recipient_settlement_id?: string | null, 
/**
 * When it was processed, Unix seconds.
 */
processed_at?: number | null, 
/**
 * Failure details (all `null` when none), as received.
 */
error?: { [key in string]: JsonValue } | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Reversal = { 
/**
 * Reversal id, `rvrsl_…`.
 */
id: string, 
/**
 * Always `"reversal"`.
 */
entity?: string | null, 
/**
 * The reversed transfer, `trf_…`.
 */
transfer_id?: string | null, 
/**
 * Amount reversed, in the currency's smallest unit.
 */
amount: number, 
/**
 * Fee, in the currency's smallest unit.
 */
fee?: number | null, 
/**
 * Tax on the fee.
 */
tax?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency: string, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Who initiated it, `acc_…`.
 */
initiator_id?: string | null, 
/**
 * The customer refund it funds, `rfnd_…`.
 */
customer_refund_id?: string | null, 
/**
 * Bank reference.
 */
utr?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type FundAccount = { 
/**
 * Fund account id, `fa_…`.
 */
id: string, 
/**
 * Always `"fund_account"`.
 */
entity?: string | null, 
/**
 * The customer, `cust_…`.
 */
customer_id?: string | null, 
/**
 * The contact (RazorpayX), `cont_…`.
 */
contact_id?: string | null, 
/**
 * `bank_account` or `vpa`.
 */
account_type?: string | null, 
/**
 * The bank account (`ifsc`, `name`, `account_number`, …), as received.
 */
bank_account?: { [key in string]: JsonValue } | null, 
/**
 * The VPA (`address`, …), as received.
 */
vpa?: { [key in string]: JsonValue } | null, 
/**
 * Whether it can be used.
 */
active?: LenientBool | null, 
/**
 * Batch id when created in a batch.
 */
batch_id?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type FundAccountValidation = { 
/**
 * Validation id, `fav_…`.
 */
id: string, 
/**
 * Always `"fund_account.validation"`.
 */
entity?: string | null, 
/**
 * The validated fund account.
 */
fund_account?: FundAccount | null, 
/**
 * `created`, `completed` or `failed`.
 */
status?: string | null, 
/**
 * Amount deposited, in the currency's smallest unit.
 */
amount?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency?: string | null, 
/**
 * What the bank said (`account_status`, `registered_name`, …), as received.
 */
results?: { [key in string]: JsonValue } | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Document = { 
/**
 * Document id, `doc_…`.
 */
id: string, 
/**
 * Always `"document"`.
 */
entity?: string | null, 
/**
 * Why it was uploaded, e.g. `dispute_evidence`.
 */
purpose?: string | null, 
/**
 * File name.
 */
name?: string | null, 
/**
 * MIME type.
 */
mime_type?: string | null, 
/**
 * Size in bytes.
 */
size?: number | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Account = { 
/**
 * Account id, `acc_…`.
 */
id: string, 
/**
 * `"account"` when present.
 */
entity?: string | null, 
/**
 * `standard` or `route`.
 */
type?: string | null, 
/**
 * `created`, `under_review`, `needs_clarification`, `activated`, `suspended`, …
 */
status?: string | null, 
/**
 * Email.
 */
email?: string | null, 
/**
 * Phone number.
 */
phone?: string | null, 
/**
 * The merchant's own reference.
 */
reference_id?: string | null, 
/**
 * Legal name.
 */
legal_business_name?: string | null, 
/**
 * Name shown to customers.
 */
customer_facing_business_name?: string | null, 
/**
 * `individual`, `partnership`, `private_limited`, …
 */
business_type?: string | null, 
/**
 * Contact person.
 */
contact_name?: string | null, 
/**
 * Category, addresses, … as received.
 */
profile?: { [key in string]: JsonValue } | null, 
/**
 * PAN, GST, … as received.
 */
legal_info?: { [key in string]: JsonValue } | null, 
/**
 * Support contacts, as received.
 */
contact_info?: { [key in string]: JsonValue } | null, 
/**
 * Brand colours, as received.
 */
brand?: { [key in string]: JsonValue } | null, 
/**
 * Apps and websites, as received.
 */
apps?: { [key in string]: JsonValue } | null, 
/**
 * Whether settlements are held.
 */
hold_funds?: LenientBool | null, 
/**
 * Whether the account is live.
 */
live?: LenientBool | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * When it was activated, Unix seconds.
 */
activated_at?: number | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Stakeholder = { 
/**
 * Stakeholder id, `sth_…`.
 */
id: string, 
/**
 * Always `"stakeholder"`.
 */
entity?: string | null, 
/**
 * Name.
 */
name?: string | null, 
/**
 * Email.
 */
email?: string | null, 
/**
 * `director`, `executive`, … flags, as received.
 */
relationship?: { [key in string]: JsonValue } | null, 
/**
 * Phone numbers, as received.
 */
phone?: { [key in string]: JsonValue } | null, 
/**
 * Addresses, as received.
 */
addresses?: { [key in string]: JsonValue } | null, 
/**
 * KYC details (PAN), as received.
 */
kyc?: { [key in string]: JsonValue } | null, 
/**
 * Ownership share in percent, as received (it may be fractional, and is not money).
 */
percentage_ownership?: JsonValue | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type Product = { 
/**
 * Product id, `acc_prd_…`.
 */
id: string, 
/**
 * `"product"` when present.
 */
entity?: string | null, 
/**
 * The account, `acc_…`.
 */
account_id?: string | null, 
/**
 * `payment_gateway`, `route`, …
 */
product_name?: string | null, 
/**
 * `requested`, `needs_clarification`, `under_review`, `activated`, …
 */
activation_status?: string | null, 
/**
 * What was asked for, as received.
 */
requested_configuration?: { [key in string]: JsonValue } | null, 
/**
 * What is active, as received.
 */
active_configuration?: { [key in string]: JsonValue } | null, 
/**
 * What Razorpay still needs, as received.
 */
requirements?: Array<JsonValue> | null, 
/**
 * Terms accepted, as received.
 */
tnc?: { [key in string]: JsonValue } | null, 
/**
 * When it was requested, Unix seconds.
 */
requested_at?: number | null, };

export type PaymentLinkList = { 
/**
 * The links.
 */
payment_links: Array<PaymentLink>, };

export type PaymentStep = { 
/**
 * The payment, `pay_…`.
 */
razorpay_payment_id?: string | null, 
/**
 * The order, `order_…` (when the payment is done).
 */
razorpay_order_id?: string | null, 
/**
 * Signature of `order_id|payment_id` (when the payment is done).
 */
razorpay_signature?: string | null, 
/**
 * What to do next: action objects, or action names after an OTP resend.
 */
next?: Array<JsonValue> | null, 
/**
 * UPI intent link (`upi://pay?…`).
 */
link?: string | null, 
/**
 * Card facts for the OTP page (`issuer`, `network`, `last4`, `iin`).
 */
metadata?: { [key in string]: JsonValue } | null, 
/**
 * JSON v1: `first`, `otp`, `respawn`, …
 */
type?: string | null, 
/**
 * JSON v1: the request to send next (`url`, `method`, `content`).
 */
request?: { [key in string]: JsonValue } | null, 
/**
 * JSON v1: the payment method.
 */
method?: string | null, 
/**
 * JSON v1: the fields still missing.
 */
missing?: Array<string> | null, };

export type VpaValidation = { 
/**
 * The address checked.
 */
vpa?: string | null, 
/**
 * Whether it exists.
 */
success?: LenientBool | null, 
/**
 * The account holder's name, when it exists.
 */
customer_name?: string | null, };

export type PaymentMethods = { 
/**
 * Always `"methods"`.
 */
entity?: string | null, 
/**
 * Cards of any kind.
 */
card?: LenientBool | null, 
/**
 * Debit cards.
 */
debit_card?: LenientBool | null, 
/**
 * Credit cards.
 */
credit_card?: LenientBool | null, 
/**
 * Prepaid cards.
 */
prepaid_card?: LenientBool | null, 
/**
 * Card networks by code (`"VISA": 1`, …).
 */
card_networks?: { [key in string]: JsonValue } | null, 
/**
 * Card sub-types (`consumer`, `business`, `premium`).
 */
card_subtype?: { [key in string]: JsonValue } | null, 
/**
 * American Express.
 */
amex?: LenientBool | null, 
/**
 * Netbanking banks by code (`"HDFC": "HDFC Bank"`), or `[]` when none.
 */
netbanking?: JsonValue | null, 
/**
 * Wallets by code, or `[]` when none.
 */
wallet?: JsonValue | null, 
/**
 * Card EMI.
 */
emi?: LenientBool | null, 
/**
 * UPI.
 */
upi?: LenientBool | null, 
/**
 * Cardless EMI providers, or `[]`.
 */
cardless_emi?: JsonValue | null, 
/**
 * Pay-later providers, or `[]`.
 */
paylater?: JsonValue | null, 
/**
 * Google Pay cards.
 */
google_pay_cards?: LenientBool | null, 
/**
 * Apps (`cred`, `twid`, …) by code.
 */
app?: { [key in string]: JsonValue } | null, 
/**
 * Google Pay.
 */
gpay?: LenientBool | null, 
/**
 * EMI types (`credit`, `debit`).
 */
emi_types?: { [key in string]: JsonValue } | null, 
/**
 * e-NACH / NACH.
 */
nach?: LenientBool | null, };

export type Iin = { 
/**
 * The IIN (first 6 or 9 digits).
 */
iin: string, 
/**
 * Always `"iin"`.
 */
entity?: string | null, 
/**
 * `Visa`, `MasterCard`, `RuPay`, …
 */
network?: string | null, 
/**
 * `credit`, `debit`, `prepaid`, `unknown`.
 */
type?: string | null, 
/**
 * `consumer` or `business`.
 */
sub_type?: string | null, 
/**
 * Issuing bank code, e.g. `HDFC`.
 */
issuer_code?: string | null, 
/**
 * Issuing bank name.
 */
issuer_name?: string | null, 
/**
 * Issued outside India.
 */
international?: LenientBool | null, 
/**
 * Whether the IIN is a token IIN.
 */
is_tokenized?: LenientBool | null, 
/**
 * The actual card IIN behind a token IIN.
 */
card_iin?: string | null, 
/**
 * EMI availability (`{"available": true}`).
 */
emi?: { [key in string]: JsonValue } | null, 
/**
 * Recurring availability (`{"available": true}`).
 */
recurring?: { [key in string]: JsonValue } | null, 
/**
 * Authentication types (`[{"type": "3ds"}, {"type": "otp"}]`).
 */
authentication_types?: Array<{ [key in string]: JsonValue }> | null, };

export type IinList = { 
/**
 * How many IINs Razorpay counts.
 */
count?: number | null, 
/**
 * The IINs.
 */
iins: Array<string>, };

export type BankAccount = { 
/**
 * Bank account id, `ba_…`.
 */
id: string, 
/**
 * `"bank_account"` when present (a deleted account's answer leaves it out).
 */
entity?: string | null, 
/**
 * Branch IFSC.
 */
ifsc?: string | null, 
/**
 * Bank name.
 */
bank_name?: string | null, 
/**
 * Account holder's name.
 */
name?: string | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Account number (masked in most answers).
 */
account_number?: string | null, 
/**
 * `deleted` once removed from a customer.
 */
status?: string | null, };

export type BankTransfer = { 
/**
 * Bank transfer id, `bt_…`.
 */
id: string, 
/**
 * Always `"bank_transfer"`.
 */
entity?: string | null, 
/**
 * The payment it made, `pay_…`.
 */
payment_id?: string | null, 
/**
 * `NEFT`, `RTGS`, `IMPS`, `UPI`.
 */
mode?: string | null, 
/**
 * The bank's reference (UTR).
 */
bank_reference?: string | null, 
/**
 * Amount, in the currency's smallest unit.
 */
amount?: number | null, 
/**
 * The remitter's account; `null` when the remitting bank did not say.
 */
payer_bank_account?: BankAccount | null, 
/**
 * The virtual account credited, `va_…`.
 */
virtual_account_id?: string | null, 
/**
 * That virtual account.
 */
virtual_account?: VirtualAccount | null, };

export type AccountDocuments = { 
/**
 * Business proofs (`business_proof_url`, `gst_certificate`, …).
 */
business_proof_of_identification?: Array<DocumentFile> | null, 
/**
 * Other business documents (`form_12_a_url`, `cancelled_cheque`, …).
 */
additional_documents?: Array<DocumentFile> | null, 
/**
 * A stakeholder's proof of address (`aadhar_front`, `passport_back`, …).
 */
individual_proof_of_address?: Array<DocumentFile> | null, 
/**
 * A stakeholder's proof of identity (`personal_pan`).
 */
individual_proof_of_identification?: Array<DocumentFile> | null, };

export type DocumentFile = { 
/**
 * The document type, e.g. `business_proof_url`.
 */
type?: string | null, 
/**
 * Where Razorpay keeps it.
 */
url?: string | null, };

export type RtoReview = { 
/**
 * `low`, `medium` or `high`.
 */
risk_tier?: string | null, 
/**
 * Why.
 */
rto_reasons?: Array<RtoReason> | null, };

export type RtoReason = { 
/**
 * Machine name, e.g. `short_shipping_address`.
 */
reason?: string | null, 
/**
 * Human text.
 */
description?: string | null, 
/**
 * Group, e.g. `address`.
 */
bucket?: string | null, };

export type Fulfillment = { 
/**
 * Always `"order.fulfillment"`.
 */
entity?: string | null, 
/**
 * The order.
 */
order_id?: string | null, 
/**
 * `cod`, `upi`, `card`, …
 */
payment_method?: string | null, 
/**
 * The shipment.
 */
shipping?: FulfillmentShipping | null, };

export type FulfillmentShipping = { 
/**
 * Courier's waybill number.
 */
waybill?: string | null, 
/**
 * `rto`, `delivered`, `cancelled`, …
 */
status?: string | null, 
/**
 * Courier, e.g. `Bluedart`.
 */
provider?: string | null, };

export type Eligibility = { 
/**
 * The amount checked, in the currency's smallest unit. Razorpay's sample writes it as a
 * string (`"500000"`), so it is kept as sent; [`Eligibility::amount_minor`] reads both.
 */
amount?: JsonValue | null, 
/**
 * ISO 4217 currency code.
 */
currency?: string | null, 
/**
 * The customer checked (`id`, `contact`, …).
 */
customer?: { [key in string]: JsonValue } | null, 
/**
 * One verdict per instrument.
 */
instruments: Array<EligibilityInstrument>, };

export type EligibilityInstrument = { 
/**
 * `emi`, `paylater`, `cardless_emi`.
 */
method?: string | null, 
/**
 * Card issuer, for card EMI (`HDFC`).
 */
issuer?: string | null, 
/**
 * Card type, for card EMI (`debit`, `credit`).
 */
type?: string | null, 
/**
 * Provider, for pay later and cardless EMI (`getsimpl`, `zestmoney`).
 */
provider?: string | null, 
/**
 * The check's id, `elig_…` (for `fetchEligibility`).
 */
eligibility_req_id?: string | null, 
/**
 * `{"status": "eligible"}`, or `ineligible` with Razorpay's `error`.
 */
eligibility?: { [key in string]: JsonValue } | null, };

export type Deleted = { 
/**
 * Whether the token was deleted.
 */
deleted?: LenientBool | null, };

export type Success = { 
/**
 * Whether the notification went out.
 */
success?: LenientBool | null, };

export type Tnc = { 
/**
 * Id, `tnc_map_…`.
 */
id: string, 
/**
 * Always `"tnc_map"`.
 */
entity?: string | null, 
/**
 * The product family, e.g. `payments`.
 */
product_name?: string | null, 
/**
 * Document URLs by name (`terms`, `privacy`, `agreement`).
 */
tnc?: { [key in string]: JsonValue } | null, 
/**
 * When they were last published, Unix seconds.
 */
last_published_at?: number | null, };

export type CardReference = { 
/**
 * Card network, e.g. `Visa`.
 */
network?: string | null, 
/**
 * Payment Account Reference.
 */
payment_account_reference?: string | null, 
/**
 * Network reference id, where the network gives one.
 */
network_reference_id?: string | null, };

export type CardNumber = string;

export type TokenCard = { 
/**
 * Card (or network token) number; `Debug` prints it redacted.
 */
number?: CardNumber | null, 
/**
 * Expiry month (Razorpay's sample writes `"12"`).
 */
expiry_month?: JsonValue | null, 
/**
 * Expiry year (Razorpay's sample writes `2021`).
 */
expiry_year?: JsonValue | null, 
/**
 * Network token cryptogram, when sent; `Debug` prints it redacted.
 */
cryptogram_value?: CardNumber | null, };

export type TokenTransactionalData = { 
/**
 * The card to charge.
 */
card?: TokenCard | null, };

export type OndemandSettlement = { 
/**
 * Id, `setlod_…`.
 */
id: string, 
/**
 * Always `"settlement.ondemand"`.
 */
entity?: string | null, 
/**
 * Amount asked for, in the currency's smallest unit.
 */
amount_requested?: number | null, 
/**
 * Amount settled so far.
 */
amount_settled?: number | null, 
/**
 * Amount still to settle.
 */
amount_pending?: number | null, 
/**
 * Amount reversed.
 */
amount_reversed?: number | null, 
/**
 * Fees charged.
 */
fees?: number | null, 
/**
 * Tax on the fees.
 */
tax?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency?: string | null, 
/**
 * Whether the whole balance was asked for.
 */
settle_full_balance?: LenientBool | null, 
/**
 * `created`, `initiated`, `partially_processed`, `processed`, `reversed`.
 */
status?: string | null, 
/**
 * Description.
 */
description?: string | null, 
/**
 * Merchant notes.
 */
notes?: Notes, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, 
/**
 * Its payouts (on create, or with `expand[]=ondemand_payouts`).
 */
ondemand_payouts?: Collection<OndemandPayout> | null, };

export type OndemandPayout = { 
/**
 * Id, `setlodp_…`.
 */
id: string, 
/**
 * Always `"settlement.ondemand_payout"`.
 */
entity?: string | null, 
/**
 * When it was initiated, Unix seconds.
 */
initiated_at?: number | null, 
/**
 * When it was processed, Unix seconds.
 */
processed_at?: number | null, 
/**
 * When it was reversed, Unix seconds.
 */
reversed_at?: number | null, 
/**
 * Amount, in the currency's smallest unit.
 */
amount?: number | null, 
/**
 * Amount settled.
 */
amount_settled?: number | null, 
/**
 * Fees.
 */
fees?: number | null, 
/**
 * Tax on the fees.
 */
tax?: number | null, 
/**
 * Bank reference.
 */
utr?: string | null, 
/**
 * `created`, `initiated`, `processed`, `reversed`.
 */
status?: string | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, };

export type SettlementReconItem = { 
/**
 * The object the line is about (`pay_…`, `rfnd_…`, `trf_…`, `adj_…`).
 */
entity_id: string, 
/**
 * `payment`, `refund`, `transfer`, `adjustment`, `dispute`, …
 */
type?: string | null, 
/**
 * Debited, in the currency's smallest unit.
 */
debit?: number | null, 
/**
 * Credited.
 */
credit?: number | null, 
/**
 * Amount of the object.
 */
amount?: number | null, 
/**
 * ISO 4217 currency code.
 */
currency?: string | null, 
/**
 * Fee.
 */
fee?: number | null, 
/**
 * Tax on the fee.
 */
tax?: number | null, 
/**
 * Whether the amount is on hold.
 */
on_hold?: LenientBool | null, 
/**
 * Whether it is settled.
 */
settled?: LenientBool | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, 
/**
 * Settlement time, Unix seconds.
 */
settled_at?: number | null, 
/**
 * The settlement, `setl_…`.
 */
settlement_id?: string | null, 
/**
 * Posting time, Unix seconds.
 */
posted_at?: number | null, 
/**
 * `default`, …
 */
credit_type?: string | null, 
/**
 * Description.
 */
description?: string | null, 
/**
 * Notes: in this report Razorpay writes them as a JSON *string* (`"{}"`) or `null`, so
 * they are kept as sent.
 */
notes?: JsonValue | null, 
/**
 * For refunds and transfers, the payment.
 */
payment_id?: string | null, 
/**
 * The settlement's bank reference.
 */
settlement_utr?: string | null, 
/**
 * The order, `order_…`.
 */
order_id?: string | null, 
/**
 * The order's receipt.
 */
order_receipt?: string | null, 
/**
 * Payment method.
 */
method?: string | null, 
/**
 * Card network.
 */
card_network?: string | null, 
/**
 * Card issuer code.
 */
card_issuer?: string | null, 
/**
 * Card type.
 */
card_type?: string | null, 
/**
 * The dispute, `disp_…`.
 */
dispute_id?: string | null, };

/**
 * The `events` of a webhook configuration: a list of subscribed event names (v1 API) or a map
 * from every event name to whether it is subscribed (v2 API). Both shapes are kept.
 */
export type WebhookEvents = Array<string> | { [key in string]: boolean };

export type Webhook = { 
/**
 * Webhook id.
 */
id: string, 
/**
 * Always `"webhook"`.
 */
entity?: string | null, 
/**
 * Where events are POSTed.
 */
url?: string | null, 
/**
 * Where failure alerts go.
 */
alert_email?: string | null, 
/**
 * Whether a secret is set (the secret itself is never returned).
 */
secret_exists?: LenientBool | null, 
/**
 * Whether deliveries are on.
 */
active?: LenientBool | null, 
/**
 * The subscribed events.
 */
events?: WebhookEvents | null, 
/**
 * The owning merchant or account.
 */
owner_id?: string | null, 
/**
 * `merchant` or `partner`.
 */
owner_type?: string | null, 
/**
 * When it was disabled, Unix seconds (`0` when never).
 */
disabled_at?: number | null, 
/**
 * Creation time, Unix seconds.
 */
created_at?: number | null, 
/**
 * Last update, Unix seconds.
 */
updated_at?: number | null, };

export type EventName = "payment.authorized" | "payment.captured" | "payment.failed" | "payment.pending" | "order.paid" | "refund.created" | "refund.processed" | "refund.failed" | "refund.speed_changed" | "payment.dispute.created" | "payment.dispute.won" | "payment.dispute.lost" | "payment.dispute.closed" | "payment.dispute.under_review" | "payment.dispute.action_required" | "payment.downtime.started" | "payment.downtime.updated" | "payment.downtime.resolved" | "payment_link.paid" | "payment_link.partially_paid" | "payment_link.expired" | "payment_link.cancelled" | "subscription.authenticated" | "subscription.activated" | "subscription.charged" | "subscription.completed" | "subscription.updated" | "subscription.pending" | "subscription.halted" | "subscription.paused" | "subscription.resumed" | "subscription.cancelled" | "invoice.paid" | "invoice.partially_paid" | "invoice.expired" | "settlement.processed" | "virtual_account.created" | "virtual_account.credited" | "virtual_account.closed" | "qr_code.created" | "qr_code.credited" | "qr_code.closed" | "transfer.processed" | "transfer.failed" | "token.confirmed" | "token.rejected" | "token.paused" | "token.cancelled" | "fund_account.validation.completed" | "fund_account.validation.failed" | "account.under_review" | "account.needs_clarification" | "account.activated" | "account.rejected" | "account.updated" | "order.notification.delivered" | "order.notification.failed" | (string & {});

/**
 * The `{"entity": {...}}` wrapper around each object in a webhook payload.
 */
export type EntityWrapper<T> = { 
/**
 * The object.
 */
entity: T, };

export type WebhookPayload = { 
/**
 * The payment (`payment.*`, `order.paid`, `refund.*`, `payment.dispute.*`, …).
 */
payment?: EntityWrapper<Payment> | null, 
/**
 * The order (`order.paid`, `payment_link.*`).
 */
order?: EntityWrapper<Order> | null, 
/**
 * The refund (`refund.*`).
 */
refund?: EntityWrapper<Refund> | null, 
/**
 * The dispute (`payment.dispute.*`).
 */
dispute?: EntityWrapper<Dispute> | null, 
/**
 * The downtime (`payment.downtime.*`, under the key `payment.downtime`).
 */
"payment.downtime"?: EntityWrapper<Downtime> | null, 
/**
 * The payment link (`payment_link.*`).
 */
payment_link?: EntityWrapper<PaymentLink> | null, 
/**
 * The subscription (`subscription.*`).
 */
subscription?: EntityWrapper<Subscription> | null, 
/**
 * The invoice (`invoice.*`).
 */
invoice?: EntityWrapper<Invoice> | null, 
/**
 * The settlement (`settlement.processed`).
 */
settlement?: EntityWrapper<Settlement> | null, 
/**
 * The virtual account (`virtual_account.*`).
 */
virtual_account?: EntityWrapper<VirtualAccount> | null, 
/**
 * The QR code (`qr_code.*`).
 */
qr_code?: EntityWrapper<QrCode> | null, 
/**
 * The transfer (`transfer.*`).
 */
transfer?: EntityWrapper<Transfer> | null, 
/**
 * The token (`token.*`).
 */
token?: EntityWrapper<Token> | null, 
/**
 * The validation (`fund_account.validation.*`, under the key `fund_account.validation`).
 */
"fund_account.validation"?: EntityWrapper<FundAccountValidation> | null, 
/**
 * The account (`account.*`).
 */
account?: EntityWrapper<Account> | null, };

export type WebhookEvent = { 
/**
 * Always `"event"`.
 */
entity?: string | null, 
/**
 * The merchant account, `acc_…`.
 */
account_id?: string | null, 
/**
 * What happened.
 */
event: EventName, 
/**
 * The entity names present in `payload` (empty if Razorpay left the field out).
 */
contains: Array<string>, 
/**
 * The objects the event is about.
 */
payload: WebhookPayload, 
/**
 * When the event was created, Unix seconds. See [`WebhookEvent::timestamp`].
 */
created_at?: number | null, };
