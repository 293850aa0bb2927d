// The Kotlin test program for the generated bindings (run by scripts/ci/uniffi.sh): every
// signature vector of ../shared/fixtures, currency formatting, checkout options, and typed
// exceptions. Exits non-zero on the first failed check.
package dev.checkoutkit.tests

import dev.checkoutkit.*
import dev.checkoutkit.currency.*
import dev.checkoutkit.razorpay.*
import dev.checkoutkit.rules.*
import java.io.File
import java.net.HttpURLConnection
import java.net.URI
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlin.system.exitProcess

private var checks = 0

fun check(condition: Boolean, what: () -> String) {
    checks++
    if (!condition) {
        System.err.println("FAILED: ${what()}")
        exitProcess(1)
    }
}

inline fun <reified E : Throwable> expectThrows(what: String, block: () -> Unit): E {
    try {
        block()
    } catch (e: Throwable) {
        if (e is E) {
            check(true) { what }
            return e
        }
        System.err.println("FAILED: $what: expected ${E::class.simpleName}, got $e")
        exitProcess(1)
    }
    System.err.println("FAILED: $what: nothing was thrown")
    exitProcess(1)
}

@Suppress("UNCHECKED_CAST")
fun signatureVectors(fixtures: File) {
    val root = Json.parse(File(fixtures, "signature_vectors.json").readText()) as Map<String, Any?>
    val vectors = root["vectors"] as List<Map<String, Any?>>
    check(vectors.size >= 17) { "at least 17 vectors" }
    for ((index, v) in vectors.withIndex()) {
        val secret = v["secret"] as String
        val sig = v["expected_signature_hex"] as String
        val valid = v["valid"] as Boolean
        val body: ByteArray = (v["message_file"] as String?)?.let { File(fixtures, it).readBytes() }
            ?: (v["message"] as String).toByteArray(Charsets.UTF_8)
        val parts = String(body, Charsets.UTF_8).split("|")
        val verify: () -> Unit = when (val kind = v["kind"] as String) {
            "webhook" -> { ->
                verifyWebhookSignature(body, sig, secret)
                WebhookVerifier(listOf(secret)).use { it.verify(body, sig) }
            }
            "payment(order)" -> { -> verifyPaymentSignature(parts[0], parts[1], sig, secret) }
            "subscription" -> { -> verifySubscriptionSignature(parts[1], parts[0], sig, secret) }
            "payment_link" -> { -> verifyPaymentLinkSignature(parts[0], parts[1], parts[2], parts[3], sig, secret) }
            "raw_hmac" -> { ->
                if (hmacSha256Hex(secret, body) != sig) throw SignatureException.Mismatch()
            }
            else -> throw IllegalStateException("unknown vector kind $kind")
        }
        if (valid) {
            verify()
            check(hmacSha256Hex(secret, body) == sig) { "vector $index: signer agrees" }
        } else {
            // `code()` is on the base type: no cast to a variant needed.
            val code = expectThrows<SignatureException>("vector $index is rejected") { verify() }.code()
            check(code in setOf("SIGNATURE_MALFORMED", "SIGNATURE_MISMATCH")) { "vector $index code $code" }
        }
    }
    println("kotlin: ${vectors.size} signature vectors")
}

fun typedErrors() {
    val missing = expectThrows<SignatureException.MissingInput>("empty order id") {
        verifyPaymentSignature("", "pay_1", "0".repeat(64), "secret")
    }
    check(missing.code() == "SIGNATURE_MISSING_INPUT" && missing.field == "order_id") { "missing input details" }
    // razorpay-core's own exception (dev.checkoutkit.razorpay): toString() is the Rust message.
    check(missing.toString() == "required input `order_id` is empty") { "message $missing" }
    val malformed = expectThrows<SignatureException.Malformed>("short signature") {
        verifyPaymentSignature("order_1", "pay_1", "abc", "secret")
    }
    check(malformed.len == 3UL) { "malformed length" }
    val noSecret = expectThrows<WebhookException>("verifier without secrets") { WebhookVerifier(emptyList()) }
    check(noSecret is WebhookException.NoSecret && noSecret.code() == "WEBHOOK_NO_SECRET") { "no secret code" }
    // A live key never sends its secret over plain HTTP (issue 15, attack 3).
    val live = expectThrows<ClientException.InvalidConfig>("live key over http") {
        RazorpayClient("rzp_live_kotlin000001", "live-secret", ClientOptions(baseUrl = "http://127.0.0.1:9"))
    }
    check(live.code() == "INVALID_CONFIG" && !live.toString().contains("live-secret")) { "live key over http: $live" }
}

fun currencyAndCheckout() {
    check(formatMinorUnits(123450L, "INR") == "₹1,234.50") { "INR format" }
    check(formatMinorUnits(1235L, "JPY") == "¥1,235") { "JPY format" }
    check(formatMinorUnits(1235L, "KWD") == "KD 1.235") { "KWD format" }
    check(getCurrency("INR")?.grouping == Grouping.INDIAN) { "INR grouping" }
    check(getCurrency("XYZ") == null) { "unknown currency" }
    // checkout-currency's own exception (dev.checkoutkit.currency).
    val below = expectThrows<CurrencyException.BelowMinimum>("below minimum") { checkAmount("INR", 10L) }
    check(below.code() == "AMOUNT_BELOW_MINIMUM" && below.minAmount == 100L) { "below minimum code" }

    val json = checkoutOptionsJson(
        CheckoutOptions(
            keyId = "rzp_test_1DP5mmOlF5G5ag",
            orderId = "order_9A33XWu170gUtm",
            amount = 50000L,
            currency = "INR",
            name = "Acme Shop",
            prefill = CheckoutPrefill(email = "gaurav.kumar@example.com"),
            themeColor = "#3399cc",
        ),
    )
    check(json == """{"key":"rzp_test_1DP5mmOlF5G5ag","amount":50000,"currency":"INR","name":"Acme Shop","order_id":"order_9A33XWu170gUtm","prefill":{"email":"gaurav.kumar@example.com"},"theme":{"color":"#3399cc"}}""") { "options json: $json" }
    val bad = expectThrows<CheckoutOptionsException.InvalidOption>("secret-looking key") {
        checkoutOptionsJson(CheckoutOptions(keyId = "abc", orderId = "order_1", amount = 100L, currency = "INR", name = "S"))
    }
    check(bad.field == "key" && bad.code() == "CHECKOUT_OPTION_INVALID") { "invalid option details" }

    val sig = signPayment("order_9A33XWu170gUtm", "pay_29QQoUBi66xm2f", "key_secret")
    val result = parseCheckoutResult(
        """{"razorpay_payment_id":"pay_29QQoUBi66xm2f","razorpay_order_id":"order_9A33XWu170gUtm","razorpay_signature":"$sig"}""",
    )
    when (result) {
        is CheckoutResult.Success -> verifyPaymentSignature(result.payment.orderId, result.payment.paymentId, result.payment.signature, "key_secret")
        is CheckoutResult.Failure -> check(false) { "expected success" }
    }
    val failure = parseCheckoutResult("""{"error":{"code":"BAD_REQUEST_ERROR","description":"Payment processing cancelled by user","source":"customer","step":"payment_authentication","reason":"payment_cancelled","metadata":{}}}""")
    check(failure is CheckoutResult.Failure && failure.error.reason == "payment_cancelled") { "failure payload" }
}

fun cartCase() {
    val cart = Cart(
        currency = "INR",
        lines = listOf(
            CartLine(lineId = "l1", productId = "tea", quantity = 2L, unitPrice = 25000L),
            CartLine(lineId = "l2", productId = "mug", quantity = 5L, unitPrice = 39900L),
        ),
    )
    val catalog = Catalog(
        items = listOf(
            CatalogItem(productId = "tea", unitPrice = 27500L, currency = "INR", stockOnHand = 40L),
            CatalogItem(productId = "mug", unitPrice = 39900L, currency = "INR", stockOnHand = 3L),
        ),
    )
    val report = validateCart(cart, catalog)
    check(!report.isValid) { "cart with price rise and short stock is not valid" }
    check(report.invalidItems.map { it.code } == listOf("PRICE_INCREASED", "INSUFFICIENT_STOCK")) { "codes ${report.invalidItems}" }
    check(report.invalidItems[1].fix == Fix.SetQuantity(lineId = "l2", lineIndex = 1UL, quantity = 3L)) { "set quantity fix" }
    check(report.totals?.total == 174700L) { "repaired total" }
    val notReady = expectThrows<CartException.NotReady>("plan of an invalid cart") { planCheckout(cart, catalog) }
    check(notReady.code() == "CART_NOT_READY" && notReady.report == report) { "not-ready carries the report" }
    val plan = planCheckout(applyFixes(cart, report.fixes), catalog)
    check(plan.total == 174700L && formatMinorUnits(plan.total, plan.currency) == "₹1,747.00") { "plan total" }
    val tolerant = Policy(priceIncreaseTolerance = PriceTolerance(absolute = 5000L))
    val warning = validateCart(cart.copy(lines = cart.lines.take(1)), catalog, tolerant)
    check(warning.isValid && warning.invalidItems.single().severity == Severity.WARNING) { "tolerated rise is a warning" }
}

fun webhookAndReconciliation() {
    val orderId = "order_DESlLckIVRkHWj"
    val body = ("""{"entity":"event","account_id":"acc_1","event":"payment.captured","contains":["payment"],""" +
        """"payload":{"payment":{"entity":{"id":"pay_A","entity":"payment","amount":50000,"currency":"INR",""" +
        """"status":"captured","order_id":"$orderId","captured":true,"notes":[],"created_at":1699999990}}},"created_at":1700000000}""").toByteArray()
    val event = WebhookVerifier(listOf("whsec_new", "whsec_old")).use { it.constructEvent(body, signWebhook(body, "whsec_old")) }
    check(event.event == "payment.captured" && event.payment?.amount == 50000L) { "typed webhook event" }
    // Statuses print as Razorpay writes them, and compare and hash as in Rust.
    val status = event.payment?.status
    check(status.toString() == "captured" && status == PaymentStatus.Captured) { "status $status" }
    check(setOf(status, PaymentStatus.Captured, PaymentStatus.Failed).size == 2) { "status hash" }
    check(PaymentStatus.Unknown("on_hold").toString() == "on_hold") { "unknown status text" }
    check(PaymentStatus.Unknown("on_hold").hashCode() == PaymentStatus.Unknown("on_hold").hashCode()) { "unknown hash" }
    // Timestamps are java.time.Instant, at the instant Razorpay wrote.
    val createdAt: java.time.Instant? = event.createdAt
    check(createdAt == java.time.Instant.ofEpochSecond(1700000000L)) { "event createdAt $createdAt" }
    check(event.payment?.createdAt == java.time.Instant.parse("2023-11-14T22:13:10Z")) { "payment createdAt ${event.payment?.createdAt}" }

    val start = createPaymentState(orderId, 50000L, "INR")
    val paid = applyWebhook(start, "evt_1", event)
    check(paid.status == PaymentOrderStatus.PAID) { "status ${paid.status}" }
    check(paid.effects.first() == Effect.MarkOrderPaid(razorpayOrderId = orderId, amount = 50000L, currency = "INR")) { "mark paid effect" }
    val again = applyWebhook(paid.stateJson, "evt_1", event)
    check(again.duplicate && again.effects.isEmpty()) { "duplicate changes nothing" }
    expectThrows<ReconcileException.InvalidJson>("corrupt state") { applyAbandoned("{", java.time.Instant.ofEpochSecond(1L)) }
    val forged = expectThrows<ReconcileException.Unverified>("forged callback") {
        applyCallback(start, orderId, "pay_A", "0".repeat(64), "key_secret")
    }
    check(forged.code() == "SIGNATURE_MISMATCH") { "forged callback code ${forged.code()}" }
    val signature = signPayment(orderId, "pay_A", "key_secret")
    check(applyCallback(start, orderId, "pay_A", signature, "key_secret").status == PaymentOrderStatus.AUTHORIZED) { "verified callback" }
}

/** Starts the razorpay-sandbox binary on a free port; returns the process and its URL. */
fun startSandbox(binary: String, keyId: String, keySecret: String): Pair<Process, String> {
    val process = ProcessBuilder(binary, "--port", "0", "--key-id", keyId, "--key-secret", keySecret)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start()
    val banner = process.inputStream.bufferedReader().readLine() ?: ""
    val prefix = "razorpay-sandbox listening on "
    check(banner.startsWith(prefix)) { "sandbox banner: $banner" }
    return process to banner.removePrefix(prefix).trim()
}

/** POST /sandbox/checkout: what Razorpay Checkout would hand the app for this order. */
fun simulateCheckout(sandboxUrl: String, orderId: String): String {
    val conn = URI("$sandboxUrl/sandbox/checkout").toURL().openConnection() as HttpURLConnection
    conn.requestMethod = "POST"
    conn.doOutput = true
    conn.setRequestProperty("Content-Type", "application/json")
    conn.outputStream.use { it.write("""{"order_id":"$orderId"}""".toByteArray()) }
    check(conn.responseCode == 200) { "checkout status ${conn.responseCode}" }
    return conn.inputStream.bufferedReader().readText()
}

fun clientAgainstSandbox(binary: String) {
    val keyId = "rzp_test_kotlin000000"
    val keySecret = "kotlin_key_secret"
    val (process, url) = startSandbox(binary, keyId, keySecret)
    try {
        RazorpayClient(keyId, keySecret, ClientOptions(baseUrl = url)).use { client ->
            check(client.mode() == "test") { "test mode" }
            runBlocking {
                // Suspending calls from a coroutine; several at once on one client.
                val orders = (1..4).map { i ->
                    async { client.orders().create(CreateOrder(amount = 10000L * i, currency = "INR", receipt = "kt_$i")) }
                }.awaitAll()
                check(orders.map { it.amount } == listOf(10000L, 20000L, 30000L, 40000L)) { "amounts" }
                check(orders.map { it.id }.toSet().size == 4 && orders.all { it.status == OrderStatus.Created }) { "distinct created orders" }

                val order = orders[0]
                val paid = when (val r = parseCheckoutResult(simulateCheckout(url, order.id))) {
                    is CheckoutResult.Success -> r.payment
                    is CheckoutResult.Failure -> throw IllegalStateException("checkout failed: ${r.error}")
                }
                verifyPaymentSignature(paid.orderId, paid.paymentId, paid.signature, keySecret)
                val payment = client.payments().fetch(paid.paymentId)
                check(payment.status == PaymentStatus.Captured && payment.orderId == order.id) { "captured payment $payment" }
                check(client.orders().fetch(order.id).status == OrderStatus.Paid) { "order paid" }
                val created: java.time.Instant = order.createdAt ?: throw IllegalStateException("order without createdAt")
                val window = client.orders().list(ListOrders(since = created, until = created.plusSeconds(5)))
                check(window.any { it.id == order.id }) { "list window by Instant" }
                check(client.orders().list(ListOrders(until = created.minusSeconds(86400))).isEmpty()) { "empty window before" }
                val refund = client.payments().refund(payment.id, CreateRefund(amount = 2500L, idempotencyKey = "kt-refund-0001"))
                check(refund.amount == 2500L && refund.paymentId == payment.id) { "refund" }

                // `error(...)` is Nothing: each value below is the exception, never null.
                val notFound = try {
                    client.orders().fetch("order_DoesNotExist00")
                    error("fetching an unknown order succeeded")
                } catch (e: ClientException.NotFound) {
                    e
                }
                check(notFound.code() == "NOT_FOUND" && notFound.error?.code == "BAD_REQUEST_ERROR") { "typed not-found with Razorpay's body" }
                check(notFound.httpStatus() == notFound.status && notFound.razorpayError() == notFound.error) { "status and body on the base type" }
                val invalid = try {
                    client.orders().create(CreateOrder(amount = 1L, currency = "INR"))
                    error("an order below the minimum was sent")
                } catch (e: ClientException) {
                    e
                }
                check(invalid.code() == "AMOUNT_BELOW_MINIMUM" && invalid.field() == "amount") { "validation before sending" }
                // razorpay-core's own ValidationError inside, with its own code.
                check(invalid is ClientException.InvalidRequest && invalid.v1 is ValidationException.AmountBelowMinimum) { "validation variant $invalid" }
            }
        }
        println("kotlin: RazorpayClient against the sandbox from coroutines")
    } finally {
        process.destroy()
        process.waitFor()
    }
}

fun main() {
    val fixtures = File(System.getProperty("checkoutkit.fixtures") ?: "fixtures")
    check(fixtures.isDirectory) { "fixtures folder ${fixtures.absolutePath}" }
    signatureVectors(fixtures)
    typedErrors()
    currencyAndCheckout()
    cartCase()
    webhookAndReconciliation()
    sameCheckout()
    clientAgainstSandbox(System.getProperty("checkoutkit.sandbox") ?: "target/debug/razorpay-sandbox")
    println("kotlin: all $checks checks passed")
}
