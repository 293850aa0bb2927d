import { Controller, Get, Param } from '@nestjs/common';
import { OrdersService, type OrderView } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  get(@Param('id') id: string): Promise<OrderView> {
    return this.orders.view(id);
  }
}
