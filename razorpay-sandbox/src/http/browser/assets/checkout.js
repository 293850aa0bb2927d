/*
 * razorpay-sandbox Checkout: the browser API of Razorpay's checkout.js, served by the sandbox
 * at /v1/checkout.js so a shop page can be run and tested offline.
 *
 *   var rzp = new Razorpay(options); rzp.on('payment.failed', fn); rzp.open(); rzp.close();
 *
 * open() lays an iframe from the sandbox's origin over the page (as Razorpay does); the frame
 * validates the options against the sandbox, lets the tester pick a method and an outcome,
 * makes the payment, and reports back here by postMessage. Callbacks are Razorpay's:
 *   - success: options.handler({razorpay_payment_id, razorpay_order_id, razorpay_signature}),
 *     or with subscription_id, {razorpay_payment_id, razorpay_subscription_id, razorpay_signature}
 *     (the subscription's authentication payment, signed payment_id|subscription_id),
 *     or with callback_url + redirect, a form POST of those fields to callback_url;
 *   - failure: every on('payment.failed') listener gets {error: {code, description, source,
 *     step, reason, metadata: {payment_id, order_id}}}; the modal stays open for a retry
 *     (with callback_url + redirect, the error[...] fields are POSTed to callback_url instead);
 *   - the shopper closes the modal: options.modal.ondismiss().
 */
(function (window, document) {
  'use strict';

  var script = document.currentScript;
  // The sandbox that served this file; the frame must come from (and answer from) there.
  var ORIGIN = script && script.src ? new URL(script.src).origin : window.location.origin;
  var MESSAGE_SOURCE = 'razorpay-sandbox-checkout';

  /** A synchronous option error, thrown by the constructor (field names the option). */
  function optionError(field, description) {
    var error = new Error('Razorpay: ' + description);
    error.field = field;
    error.code = 'BAD_REQUEST_ERROR';
    error.description = description;
    return error;
  }

  function isFunction(value) {
    return typeof value === 'function';
  }

  /** Checks what can be judged without the server; the key and the order are judged there. */
  function checkOptions(options) {
    if (!options || typeof options !== 'object') {
      throw optionError('options', 'options must be an object');
    }
    if (options.amount !== undefined && !/^\s*\d+\s*$/.test(String(options.amount))) {
      throw optionError('amount', 'amount must be an integer in the currency subunit (e.g. paise)');
    }
    if (options.handler !== undefined && !isFunction(options.handler)) {
      throw optionError('handler', 'handler must be a function');
    }
    var modal = options.modal || {};
    if (modal.ondismiss !== undefined && !isFunction(modal.ondismiss)) {
      throw optionError('modal.ondismiss', 'modal.ondismiss must be a function');
    }
    if (options.redirect && !options.callback_url) {
      throw optionError('callback_url', 'callback_url is required when redirect is true');
    }
  }

  /** What the frame needs: data only (functions cannot cross postMessage). */
  function frameOptions(options) {
    return {
      key: options.key,
      amount: options.amount === undefined ? undefined : String(options.amount).trim(),
      currency: options.currency,
      order_id: options.order_id,
      subscription_id: options.subscription_id,
      name: options.name,
      description: options.description,
      image: options.image,
      prefill: options.prefill || {},
      notes: options.notes || {},
      theme: options.theme || {},
    };
  }

  /** Razorpay's redirect flow: a top-level form POST to callback_url. */
  function postTo(url, fields) {
    var form = document.createElement('form');
    form.method = 'POST';
    form.action = url;
    form.style.display = 'none';
    Object.keys(fields).forEach(function (name) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = fields[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  function Razorpay(options) {
    if (!(this instanceof Razorpay)) return new Razorpay(options);
    checkOptions(options);
    this.options = options;
    this._listeners = {};
    this._overlay = null;
    this._onMessage = this._receive.bind(this);
  }

  Razorpay.sandbox = { origin: ORIGIN };

  /** Registers a listener; Checkout's event is 'payment.failed'. */
  Razorpay.prototype.on = function (event, listener) {
    if (!isFunction(listener)) throw optionError('listener', 'the listener must be a function');
    (this._listeners[event] = this._listeners[event] || []).push(listener);
    return this;
  };

  Razorpay.prototype._emit = function (event, payload) {
    (this._listeners[event] || []).forEach(function (listener) {
      listener(payload);
    });
  };

  /** Shows the modal. A second open() while it is showing does nothing. */
  Razorpay.prototype.open = function () {
    if (this._overlay) return this;
    var color = (this.options.theme && this.options.theme.color) || '#3399cc';
    var overlay = document.createElement('div');
    overlay.className = 'razorpay-container';
    overlay.setAttribute('data-razorpay-sandbox', '');
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.6);' +
      'display:flex;align-items:center;justify-content:center;';
    var frame = document.createElement('iframe');
    frame.className = 'razorpay-checkout-frame';
    frame.name = 'razorpay-checkout-frame';
    frame.title = 'Razorpay Checkout (sandbox)';
    frame.src = ORIGIN + '/sandbox/checkout/frame#theme=' + encodeURIComponent(color);
    frame.style.cssText =
      'width:380px;max-width:100%;height:560px;max-height:100%;border:0;border-radius:8px;' +
      'background:#fff;box-shadow:0 10px 40px rgba(0,0,0,.4);';
    overlay.appendChild(frame);
    document.body.appendChild(overlay);
    this._overlay = overlay;
    this._frame = frame;
    window.addEventListener('message', this._onMessage);
    return this;
  };

  /** Closes the modal without a callback (the page asked for it; ondismiss is the shopper's). */
  Razorpay.prototype.close = function () {
    window.removeEventListener('message', this._onMessage);
    if (this._overlay && this._overlay.parentNode) this._overlay.parentNode.removeChild(this._overlay);
    this._overlay = null;
    this._frame = null;
    return this;
  };

  Razorpay.prototype._send = function (message) {
    if (this._frame && this._frame.contentWindow) {
      message.source = MESSAGE_SOURCE;
      this._frame.contentWindow.postMessage(message, ORIGIN);
    }
  };

  Razorpay.prototype._receive = function (event) {
    // Only the frame this instance opened, from the sandbox's origin, is listened to.
    if (event.origin !== ORIGIN || !this._frame || event.source !== this._frame.contentWindow) return;
    var message = event.data || {};
    if (message.source !== MESSAGE_SOURCE) return;
    var options = this.options;
    switch (message.type) {
      case 'ready':
        this._send({ type: 'options', options: frameOptions(options) });
        break;
      case 'payment.success':
        this.close();
        if (options.callback_url && options.redirect) {
          postTo(options.callback_url, message.response);
        } else if (isFunction(options.handler)) {
          options.handler(message.response);
        }
        break;
      case 'payment.failed':
        if (options.callback_url && options.redirect) {
          var error = message.response.error;
          this.close();
          postTo(options.callback_url, {
            'error[code]': error.code,
            'error[description]': error.description,
            'error[source]': error.source,
            'error[step]': error.step,
            'error[reason]': error.reason,
            'error[metadata]': JSON.stringify(error.metadata),
          });
        } else {
          this._emit('payment.failed', message.response);
        }
        break;
      case 'dismiss':
        this.close();
        if (options.modal && isFunction(options.modal.ondismiss)) options.modal.ondismiss();
        break;
      default:
        break;
    }
  };

  window.Razorpay = Razorpay;
})(window, document);
