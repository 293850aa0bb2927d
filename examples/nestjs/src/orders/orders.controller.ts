import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { OrdersService, type OrderView } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

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
}
