import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { RazorpayRefund } from '@checkout-kit/node';
import { AdminGuard, JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CurrentUser, isAdmin, type Principal } from '../auth/principal';
import { ParseBodyPipe } from '../common/parse-body.pipe';
import { type AdminOrderView, type CustomerOrderView, adminView, customerView } from './order-view';
import { OrdersService } from './orders.service';
import { parseRefundOrder, type RefundOrderDto } from './refund.dto';
import { RefundsService } from './refunds.service';

@Controller('orders')
@UseGuards(JwtAuthGuard)
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly refunds: RefundsService,
  ) {}

  /** The customer's own order (customer view); any order for an admin (full view). */
  @Get(':id')
  async get(@CurrentUser() user: Principal, @Param('id') id: string): Promise<CustomerOrderView | AdminOrderView> {
    const order = await this.orders.visibleTo(user, id);
    return isAdmin(user) ? adminView(order) : customerView(order);
  }

  /** Admin: cancel an unpaid order; its stock goes back once. Never for paid or in-flight money. */
  @Post(':id/abandon')
  @HttpCode(200)
  @UseGuards(AdminGuard)
  async abandon(@Param('id') id: string): Promise<AdminOrderView> {
    return adminView(await this.orders.abandon(id));
  }

  /** Admin: refund (part of) a paid order; the status follows from Razorpay's refund webhooks. */
  @Post(':id/refunds')
  @HttpCode(201)
  @UseGuards(AdminGuard)
  refund(@Param('id') id: string, @Body(new ParseBodyPipe(parseRefundOrder)) body: RefundOrderDto): Promise<RazorpayRefund> {
    return this.refunds.refund(id, body);
  }
}
