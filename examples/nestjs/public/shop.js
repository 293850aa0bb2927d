/*
 * The demo shop's page: cart → "Proceed to checkout" (the verification report and its fixes)
 * → Razorpay Checkout → the order page, which polls the order until the webhooks (or the
 * callback) make it PAID. Plain browser JavaScript, no build step.
 *
 * checkout.js comes from /shop-config.json: Razorpay's in production, the sandbox's
 * (http://127.0.0.1:9090/v1/checkout.js) in development, with the same browser API.
 */
(function () {
  'use strict';

  // The seeded catalogue (src/store/catalog.seed.ts); prices are paise.
  var PRODUCTS = [
    { id: 'tee-classic', name: 'Classic cotton tee', unitPrice: 49900 },
    { id: 'mug-steel', name: 'Steel travel mug', unitPrice: 89900 },
    { id: 'notebook-a5', name: 'A5 dotted notebook', unitPrice: 24950 },
    { id: 'poster-old', name: 'Launch poster', unitPrice: 19900 },
  ];
  var $ = function (id) { return document.getElementById(id); };
  var config = {};
  var user = new URLSearchParams(window.location.search).get('user') || 'asha';

  function rupees(paise, currency) {
    return new Intl.NumberFormat('en-IN', { style: 'currency', currency: currency || 'INR' }).format(paise / 100);
  }

  function productName(id) {
    var product = PRODUCTS.find(function (p) { return p.id === id; });
    return product ? product.name : id;
  }

  /**
   * The shop API. Two shapes: a JWT from POST /auth/dev-login (SHOP_DEV_LOGIN=1) with the
   * user taken from the token, or the user id in the path. The page asks for a token first
   * and falls back to the path when the API has no login route.
   */
  var api = {
    token: null,
    request: function (method, path, body) {
      var headers = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (api.token) headers.authorization = 'Bearer ' + api.token;
      return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
        .then(function (response) {
          return response.text().then(function (text) {
            var data = text ? JSON.parse(text) : null;
            if (!response.ok) {
              var error = new Error((data && (data.message || data.code)) || response.statusText);
              error.status = response.status;
              error.body = data;
              throw error;
            }
            return data;
          });
        });
    },
    login: function () {
      return api.request('POST', '/auth/dev-login', { userId: user }).then(function (answer) {
        api.token = answer.token || answer.accessToken || answer.access_token || null;
      }, function () {
        api.token = null;
      });
    },
    userPath: function (prefix, suffix) {
      return api.token ? prefix + (suffix || '') : prefix + '/' + encodeURIComponent(user) + (suffix || '');
    },
    cart: function () { return api.request('GET', api.userPath('/cart')); },
    addItem: function (productId, quantity) {
      return api.request('POST', api.userPath('/cart', '/items'), { productId: productId, quantity: quantity });
    },
    verify: function () { return api.request('POST', api.userPath('/checkout', '/verify')); },
    applyFixes: function () { return api.request('POST', api.userPath('/checkout', '/apply-fixes')); },
    checkout: function () { return api.request('POST', '/checkout', api.token ? {} : { userId: user }); },
    verifyPayment: function (response) { return api.request('POST', '/payments/verify', response); },
    order: function (id) { return api.request('GET', '/orders/' + encodeURIComponent(id)); },
  };

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
  }

  function renderProducts() {
    $('products').innerHTML = '';
    PRODUCTS.forEach(function (product) {
      var li = document.createElement('li');
      li.innerHTML = '<strong></strong><div class="price"></div>' +
        '<label>Qty <input type="number" min="1" value="1" size="3"></label> <button type="button">Add to cart</button>';
      li.querySelector('strong').textContent = product.name;
      li.querySelector('.price').textContent = rupees(product.unitPrice);
      li.querySelector('input').setAttribute('aria-label', 'Quantity of ' + product.name);
      li.querySelector('button').setAttribute('data-product', product.id);
      li.querySelector('button').addEventListener('click', function () {
        var quantity = Number(li.querySelector('input').value) || 1;
        api.addItem(product.id, quantity).then(renderCart).then(function () {
          $('report').hidden = true;
          say(product.name + ' added to your cart.');
        }, function (error) { say(error.message, true); });
      });
      $('products').appendChild(li);
    });
  }

  function renderCart(cart) {
    var body = $('cart').querySelector('tbody');
    body.innerHTML = '';
    (cart.items || []).forEach(function (line) {
      var tr = document.createElement('tr');
      [productName(line.productId), String(line.quantity), rupees(line.unitPrice, cart.currency),
        rupees(line.unitPrice * line.quantity, cart.currency)].forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    $('cart-empty').hidden = (cart.items || []).length > 0;
    return cart;
  }

  /** The verification report: each problem in the shopper's words, and the fixes to accept. */
  function renderReport(report) {
    var problems = (report.invalidItems || []).concat(report.cartProblems || []);
    $('report').hidden = problems.length === 0;
    $('problems').innerHTML = '';
    problems.forEach(function (problem) {
      var li = document.createElement('li');
      li.className = problem.severity;
      li.setAttribute('data-code', problem.code);
      li.textContent = (problem.productId ? productName(problem.productId) + ': ' : '') + problem.message;
      $('problems').appendChild(li);
    });
    var fixes = report.fixes || [];
    $('fixes-summary').textContent = fixes.length
      ? 'We can update your cart: ' + fixes.length + ' change' + (fixes.length > 1 ? 's' : '') + '.'
      : '';
    $('apply-fixes').hidden = fixes.length === 0;
    $('total-line').hidden = !report.totals;
    if (report.totals) $('total').textContent = rupees(report.totals.total, report.totals.currency);
    return report;
  }

  function proceed() {
    say('Checking your cart…');
    return api.verify().then(renderReport).then(function (report) {
      if (!report.isValid) {
        say('Your cart needs a change before you can pay.', true);
        return;
      }
      return api.checkout().then(openCheckout);
    }).catch(function (error) { say(error.message, true); });
  }

  /** Razorpay Checkout with the order the backend created; the callbacks are Razorpay's. */
  function openCheckout(session) {
    say('Complete the payment in the Razorpay window.');
    var rzp = new window.Razorpay({
      key: session.keyId,
      amount: session.amount,
      currency: session.currency,
      order_id: session.razorpayOrderId,
      name: 'checkout-kit demo shop',
      description: 'Order ' + session.orderId,
      prefill: { name: 'Asha Rao', email: user + '@example.com', contact: '+919000090000' },
      notes: { shop_order_id: session.orderId },
      theme: { color: '#14213d' },
      handler: function (response) {
        say('Payment received, confirming…');
        // The webhooks make the order PAID even if this call never arrives.
        api.verifyPayment(response).catch(function () {}).then(function () { showOrder(session.orderId); });
      },
      modal: {
        ondismiss: function () {
          say('Payment cancelled. Your order is kept: you can pay it from the order page.', true);
          showOrder(session.orderId, session);
        },
      },
    });
    rzp.on('payment.failed', function (response) {
      say('Payment failed: ' + response.error.description + ' You can try again in the Razorpay window.', true);
    });
    rzp.open();
  }

  var polling = null;

  function showOrder(orderId, session) {
    window.location.hash = '#order/' + encodeURIComponent(orderId);
    $('order-view').dataset.session = session ? JSON.stringify(session) : '';
  }

  function renderOrder(orderId) {
    $('shop-view').hidden = true;
    $('order-view').hidden = false;
    $('order-id').textContent = orderId;
    clearInterval(polling);
    var poll = function () {
      api.order(orderId).then(function (order) {
        $('order-status').textContent = order.status;
        $('order-status').className = order.status;
        $('order-amount').textContent = 'Amount: ' + rupees(order.amount, order.currency);
        var paid = order.status === 'PAID';
        $('order-note').textContent = paid ? 'Thank you! Your payment is confirmed.' : 'Waiting for the payment to be confirmed…';
        var session = $('order-view').dataset.session;
        $('pay-again').hidden = paid || !session;
        if (paid) {
          clearInterval(polling);
          say('');
        }
      }, function (error) { $('order-note').textContent = error.message; });
    };
    poll();
    polling = setInterval(poll, 500);
  }

  function route() {
    var match = /^#order\/(.+)$/.exec(window.location.hash);
    if (match) return renderOrder(decodeURIComponent(match[1]));
    clearInterval(polling);
    $('shop-view').hidden = false;
    $('order-view').hidden = true;
    return api.cart().then(renderCart);
  }

  function loadCheckoutJs() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = config.checkoutJs;
      script.onload = resolve;
      script.onerror = function () { reject(new Error('could not load ' + config.checkoutJs)); };
      document.head.appendChild(script);
    });
  }

  $('proceed').addEventListener('click', proceed);
  $('apply-fixes').addEventListener('click', function () {
    api.applyFixes().then(function (report) {
      renderReport(report);
      say(report.isValid ? 'Cart updated. You can proceed to checkout.' : 'Some problems remain.', !report.isValid);
      return api.cart().then(renderCart);
    }).catch(function (error) { say(error.message, true); });
  });
  $('pay-again').addEventListener('click', function () {
    var session = $('order-view').dataset.session;
    if (session) openCheckout(JSON.parse(session));
  });
  window.addEventListener('hashchange', route);

  $('user').textContent = user;
  renderProducts();
  fetch('/shop-config.json').then(function (r) { return r.json(); }).then(function (answer) {
    config = answer;
    return Promise.all([loadCheckoutJs(), api.login()]);
  }).then(route).then(function () {
    document.body.setAttribute('data-ready', 'true');
  }).catch(function (error) { say(error.message, true); });
})();
