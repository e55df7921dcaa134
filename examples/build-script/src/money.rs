//! Money as this service keeps it: a decimal, where the spec writes a
//! decimal string. The generated `orders::types::Money` is this type.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::orders::types::Currency;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    /// Written as a string (`"19.90"`), as the spec says.
    pub amount: Decimal,
    pub currency: Currency,
}
