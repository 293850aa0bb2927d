// The checkout of docs/api-conventions.md ("The same checkout in four languages"), in Kotlin:
// validate, plan, verify the callback, construct the webhook event, apply. tests/readme.rs
// checks that the doc's block is an excerpt of this file; CheckoutKitTest.kt's main runs it.
package dev.checkoutkit.tests

import dev.checkoutkit.*
import dev.checkoutkit.currency.*
import dev.checkoutkit.razorpay.*
import dev.checkoutkit.rules.*

fun sameCheckout() {
    val order = "order_DESlLckIVRkHWj"
    val payment = "pay_DESlfW9H8K9uqM"
    val keySecret = "key_secret"
    val webhookSecret = "whsec_1"
    val body = ("""{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],""" +
        """"payload":{"payment":{"entity":{"id":"$payment","entity":"payment","amount":55000,"currency":"INR",""" +
        """"status":"captured","order_id":"$order","captured":true,"notes":[]}}},"created_at":1700000000}""").toByteArray()
    val webhookSignature = signWebhook(body, webhookSecret)
    val razorpaySignature = signPayment(order, payment, keySecret)

    // 1. Validate the cart: problems are data, not errors.
    val cart = Cart(currency = "INR", lines = listOf(CartLine(lineId = "l1", productId = "tea", quantity = 2L, unitPrice = 27500L)))
    val catalog = Catalog(items = listOf(CatalogItem(productId = "tea", unitPrice = 27500L, currency = "INR", stockOnHand = 40L)))
    val report = validateCart(cart, catalog)
    check(report.isValid) { "valid cart" }

    // 2. Plan the order: the amount to create the Razorpay order with.
    val plan = planCheckout(cart, catalog)
    check(plan.total == 55000L) { "plan total" }

    // 3. Verify the checkout callback: a forged signature throws SignatureException.
    verifyPaymentSignature(order, payment, razorpaySignature, keySecret)

    // 4. Construct the webhook event: only a verified body becomes an event.
    val event = WebhookVerifier(listOf(webhookSecret)).use { it.constructEvent(body, webhookSignature) }
    check(event.event == "payment.captured") { "typed event" }

    // 5. Apply both to the order's payment state, in any order.
    //    Reconciliation takes only verified input: the event, or the callback with its signature.
    val state = createPaymentState(order, plan.total, "INR")
    val authorized = applyCallback(state, order, payment, razorpaySignature, keySecret)
    val paid = applyWebhook(authorized.stateJson, "evt_1", event)
    check(paid.status == PaymentOrderStatus.PAID) { "status ${paid.status}" }
}
