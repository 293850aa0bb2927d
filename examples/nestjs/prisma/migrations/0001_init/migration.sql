-- The shop schema (prisma/schema.prisma). Amounts are BIGINT minor units.
CREATE TABLE "products" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "unit_price" BIGINT NOT NULL CHECK ("unit_price" >= 0),
    "currency" CHAR(3) NOT NULL,
    -- The last line of defence against overselling: a reservation can never go below zero.
    "stock" INTEGER NOT NULL CHECK ("stock" >= 0),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "max_per_order" INTEGER
);

CREATE TABLE "carts" (
    "user_id" TEXT PRIMARY KEY,
    "cart_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "items" JSONB NOT NULL,
    "order_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE "orders" (
    "id" TEXT PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "customer_email" TEXT,
    "checkout_key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "razorpay_order_id" TEXT,
    "amount" BIGINT NOT NULL CHECK ("amount" > 0),
    "currency" CHAR(3) NOT NULL,
    "lines" JSONB NOT NULL,
    "stock_decrements" JSONB NOT NULL,
    "stock_state" TEXT NOT NULL CHECK ("stock_state" IN ('RESERVED', 'COMMITTED', 'RELEASED')),
    "reserved_until" TIMESTAMP(3) NOT NULL,
    "payment_state" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "checked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "orders_checkout_key_key" ON "orders"("checkout_key");
CREATE UNIQUE INDEX "orders_razorpay_order_id_key" ON "orders"("razorpay_order_id");
CREATE INDEX "orders_stock_state_reserved_until_idx" ON "orders"("stock_state", "reserved_until");
CREATE INDEX "orders_status_created_at_idx" ON "orders"("status", "created_at");

CREATE TABLE "webhook_events" (
    "id" BIGSERIAL PRIMARY KEY,
    "event_id" TEXT,
    "body_sha256" CHAR(64) NOT NULL,
    "raw_body" BYTEA NOT NULL,
    "signature_valid" BOOLEAN NOT NULL,
    "event_type" TEXT,
    "razorpay_order_id" TEXT,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMP(3),
    "outcome" TEXT,
    "deliveries" INTEGER NOT NULL DEFAULT 1
);
-- Duplicates are recognised here, by the database: the same event id, or the same signed
-- body replayed under a new id. Only verified deliveries take part, so a forged request can
-- never claim an event id (or body) before the real one arrives.
CREATE UNIQUE INDEX "webhook_events_event_id_key" ON "webhook_events"("event_id") WHERE "signature_valid";
CREATE UNIQUE INDEX "webhook_events_body_sha256_key" ON "webhook_events"("body_sha256") WHERE "signature_valid";

CREATE TABLE "outbox_effects" (
    "id" BIGSERIAL PRIMARY KEY,
    "order_id" TEXT NOT NULL,
    "effect_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "done_at" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "outbox_effects_effect_key_key" ON "outbox_effects"("effect_key");
CREATE INDEX "outbox_effects_done_at_next_attempt_at_idx" ON "outbox_effects"("done_at", "next_attempt_at");
