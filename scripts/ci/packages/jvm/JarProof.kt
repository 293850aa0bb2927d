// The jar proof (scripts/ci/packages.sh): runs with only the checkout-kit jar and its declared
// dependencies (JNA, kotlin-stdlib, kotlinx-coroutines) on the classpath, no jna.library.path,
// so libcheckout_kit can only come from the jar's linux-x86-64/ resource directory.
package dev.checkoutkit.packageproof

import dev.checkoutkit.rules.Cart
import dev.checkoutkit.rules.CartLine
import dev.checkoutkit.rules.Catalog
import dev.checkoutkit.rules.CatalogItem
import dev.checkoutkit.razorpay.SignatureException
import dev.checkoutkit.formatMinorUnits
import dev.checkoutkit.signPayment
import dev.checkoutkit.validateCart
import dev.checkoutkit.verifyPaymentSignature

fun main() {
    check(System.getProperty("jna.library.path") == null) { "jna.library.path must not be set" }

    check(formatMinorUnits(123450L, "INR") == "₹1,234.50") { "INR format" }

    val signature = signPayment("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", "EnLs21M47BllR3X8PSFtjtbd")
    // Razorpay's documented vector (fixtures/signatures), through the packaged library.
    check(signature == "0d4e745a1838664ad6c9c9902212a32d627d68e917290b0ad5f08ff4561bc50f") { "signature $signature" }
    verifyPaymentSignature("order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l", signature, "EnLs21M47BllR3X8PSFtjtbd")
    try {
        verifyPaymentSignature("order_IEIaMR65cu6nz3", "pay_OTHER", signature, "EnLs21M47BllR3X8PSFtjtbd")
        error("a forged callback was accepted")
    } catch (e: SignatureException) {
        check(e is SignatureException.Mismatch && e.code() == "SIGNATURE_MISMATCH") { "code ${e.code()}" }
    }

    val report = validateCart(
        Cart(currency = "INR", lines = listOf(CartLine(lineId = "l1", productId = "mug", quantity = 5L, unitPrice = 39900L))),
        Catalog(items = listOf(CatalogItem(productId = "mug", unitPrice = 39900L, currency = "INR", stockOnHand = 3L))),
        null,
    )
    check(!report.isValid && report.invalidItems.single().code == "INSUFFICIENT_STOCK") { "report $report" }
    println("jar proof: libcheckout_kit loaded from the jar; format, signatures and cart rules work")
}
