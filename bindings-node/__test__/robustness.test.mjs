// No call can crash the process: every export, fed wrong types, huge values, invalid UTF-8,
// cycles and hostile objects, either returns or throws a real Error with a string `code`.
import { test } from 'node:test'
import assert from 'node:assert/strict'

import { kit } from './helpers.mjs'

const cyclic = { order_id: 'order_1', payment_id: 'pay_1' }
cyclic.self = cyclic

let deep = {}
for (let i = 0; i < 5000; i += 1) deep = { nested: deep }

// The caller's own exception (here with its own code) must propagate unchanged.
const hostileError = (what) => Object.assign(new Error(`hostile ${what}`), { code: 'HOSTILE_OBJECT' })
const hostile = new Proxy(
  {},
  {
    get() {
      throw hostileError('getter')
    },
    ownKeys() {
      throw hostileError('ownKeys')
    },
  },
)

/** Values no argument accepts, or accepts only at its edges. */
export const badValues = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 60,
  1e308,
  2n ** 64n,
  -(2n ** 70n),
  '',
  '\ud800 lone surrogate \udfff',
  'x'.repeat(1024 * 1024),
  Symbol('s'),
  () => 'fn',
  {},
  [],
  [1, 'two', null],
  { amount: 1e308, currency: 'INR' },
  { amount: 2 ** 60, currency: 'INR' },
  { amount: '100', currency: 'INR' },
  Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28]),
  new Uint16Array(4),
  new ArrayBuffer(8),
  new Date(0),
  new Map([['a', 1]]),
  cyclic,
  deep,
  hostile,
]

/** Checks that `error` is what the module promises: an Error with a string code. */
function assertCoded(error, label) {
  assert.ok(error instanceof Error, `${label}: threw a non-Error ${String(error)}`)
  assert.equal(typeof error.code, 'string', `${label}: error without a code: ${error.message}`)
  assert.match(error.code, /^[A-Z][A-Z0-9_]+$/, `${label}: code ${error.code}`)
}

/** Calls `fn(...args)`; sync throws and async rejections must be coded Errors. */
async function callSafely(fn, args, label) {
  let result
  try {
    result = fn(...args)
  } catch (error) {
    assertCoded(error, label)
    return 'threw'
  }
  if (result && typeof result.then === 'function') {
    try {
      await result
    } catch (error) {
      assertCoded(error, label)
      return 'rejected'
    }
  }
  return 'returned'
}

/** Argument lists to try: each bad value alone, in every position of a plausible call. */
function argumentLists(arity) {
  const lists = [[]]
  const valid = ['order_1', 'pay_1', 'a'.repeat(64), 'secret', 'x', 'y']
  for (const bad of badValues) {
    lists.push([bad])
    for (let position = 0; position < Math.max(arity, 1); position += 1) {
      const args = valid.slice(0, Math.max(arity, 1))
      args[position] = bad
      lists.push(args)
    }
  }
  return lists
}

const isClass = (value) => typeof value === 'function' && /^class\b|\[native code\]/.test(Function.prototype.toString.call(value)) && value.prototype && Object.getOwnPropertyNames(value.prototype).length > 1

test('every exported function survives bad arguments', async () => {
  let calls = 0
  for (const [name, fn] of Object.entries(kit)) {
    if (typeof fn !== 'function' || isClass(fn)) continue
    for (const args of argumentLists(fn.length || 6)) {
      await callSafely(fn, args, `${name}(${args.map((a) => typeof a).join(', ')})`)
      calls += 1
    }
  }
  assert.ok(calls > 500, `made ${calls} calls`)
})

test('WebhookVerifier survives bad constructor and method arguments', async () => {
  for (const bad of badValues) {
    await callSafely((secrets) => new kit.WebhookVerifier(secrets), [bad], `new WebhookVerifier(${typeof bad})`)
    await callSafely((secrets) => new kit.WebhookVerifier(secrets), [[bad]], `new WebhookVerifier([${typeof bad}])`)
  }
  const verifier = new kit.WebhookVerifier(['s1', 's2'])
  for (const method of ['verify', 'assertValid', 'constructEvent']) {
    if (typeof verifier[method] !== 'function') continue
    for (const args of argumentLists(2)) {
      await callSafely((...a) => verifier[method](...a), args, `verifier.${method}`)
    }
  }
})

test('classes survive bad constructor arguments', async () => {
  for (const [name, Class] of Object.entries(kit)) {
    if (typeof Class !== 'function' || !isClass(Class)) continue
    for (const bad of [...badValues, { key_id: bad0(), key_secret: 'x' }]) {
      await callSafely((arg) => new Class(arg), [bad], `new ${name}(${typeof bad})`)
    }
  }
})

function bad0() {
  return { nested: true }
}

test('every client method survives bad arguments (no server needed: bad input never leaves)', async () => {
  // A client whose requests could only fail fast: nothing listens on port 9 of loopback.
  const client = new kit.RazorpayClient({
    key_id: 'rzp_test_robust',
    key_secret: 'robust_secret',
    baseUrl: 'http://127.0.0.1:9',
    timeouts: { connect: 200, request: 200 },
    retries: false,
  })
  let calls = 0
  for (const resource of ['orders', 'payments', 'refunds']) {
    const namespace = client[resource]
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(namespace)).filter((m) => m !== 'constructor')
    assert.ok(methods.length >= 2, `${resource} has methods`)
    for (const method of methods) {
      for (const args of argumentLists(3)) {
        const outcome = await callSafely((...a) => namespace[method](...a), args, `${resource}.${method}`)
        assert.notEqual(outcome, 'threw', `${resource}.${method} must reject, not throw`)
        calls += 1
      }
    }
  }
  assert.ok(calls > 300, `made ${calls} calls`)
})

test('every method of the Razorpay class survives bad arguments (rejects, never throws)', async () => {
  const client = new kit({
    key_id: 'rzp_test_robust',
    key_secret: 'robust_secret',
    baseUrl: 'http://127.0.0.1:9',
    timeouts: { connect: 200, request: 200 },
    retries: false,
  })
  let calls = 0
  for (const [resource, namespace] of Object.entries(client)) {
    if (typeof namespace !== 'object') continue
    for (const [method, fn] of Object.entries(namespace)) {
      for (const args of argumentLists(2)) {
        const outcome = await callSafely(fn, args, `${resource}.${method}`)
        assert.notEqual(outcome, 'threw', `${resource}.${method} must reject, not throw`)
        calls += 1
      }
    }
  }
  assert.ok(calls > 1000, `made ${calls} calls`)
})

test('a hostile getter or a cycle surfaces as a thrown Error, not a crash', () => {
  assert.throws(() => kit.validatePaymentVerification(hostile, 'a'.repeat(64), 'secret'), /hostile getter/)
  assert.equal(kit.validatePaymentVerification(cyclic, 'a'.repeat(64), 'secret'), false)
})
