//! Where the money goes after a payment: settlements, disputes, QR codes, virtual accounts
//! and transfers. Kept in one member of the store so the rest of the store does not change.

use super::dispute::Disputes;
use super::ondemand::Ondemand;
use super::qr_code::QrCodes;
use super::settlement::Settlements;
use super::transfer::Transfers;
use super::virtual_account::VirtualAccounts;

/// The money-movement entities of one sandbox account.
#[derive(Debug, Default)]
pub struct Money {
    pub settlements: Settlements,
    pub disputes: Disputes,
    pub qr_codes: QrCodes,
    pub virtual_accounts: VirtualAccounts,
    pub transfers: Transfers,
    pub ondemand: Ondemand,
}

impl super::Store {
    /// What sandbox time made due here: expiries first, then the settlement of whatever
    /// (including a dispute just lost) is old enough.
    pub(super) fn money_tick(&mut self) -> Vec<super::Event> {
        let mut events = self.close_expired_qr_codes();
        events.extend(self.close_expired_virtual_accounts());
        events.extend(self.expire_disputes());
        events.extend(self.settle_due());
        events
    }
}
