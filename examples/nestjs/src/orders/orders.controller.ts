import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { RazorpayRefund } from '@checkout-kit/node';
import { ParseBodyPipe } from '../common/parse-body.pipe';
import { OrdersService, type OrderView } from './orders.service';
import { parseRefundOrder, type RefundOrderDto } from './refund.dto';
import { RefundsService } from './refunds.service';

@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly refunds: RefundsService,
  ) {}

  @Get(':id')
  get(@Param('id') id: string): Promise<OrderView> {
    return this.orders.view(id);
  }

  /** Cancel an unpaid order (or let a checkout timer call this): releases its stock once. */
  @Post(':id/abandon')
  @HttpCode(200)
  abandon(@Param('id') id: string): Promise<OrderView> {
    return this.orders.abandon(id);
  }

  /** Refund (part of) a paid order; the status follows from Razorpay's refund webhooks. */
  @Post(':id/refunds')
  @HttpCode(201)
  refund(
    @Param('id') id: string,
    @Body(new ParseBodyPipe(parseRefundOrder)) body: RefundOrderDto,
  ): Promise<RazorpayRefund> {
    return this.refunds.refund(id, body);
  }
}
