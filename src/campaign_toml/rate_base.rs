//! `[rules] rate_base`: what 优秀率 and 称职及以上率 divide by.

use toml::Spanned;

use super::convert::Ctx;
use super::error::{CampaignError, CampaignErrorKind as K};
use crate::domain::campaign::RateBase;

/// `rate_base = "graded"` (弃权 and 无效 left out, the default) or
/// `"valid"` (every valid ballot), or their Chinese names; `keyword`
/// normalises the value as the other keyword values are.
pub(crate) fn parse(
    cx: &Ctx,
    raw: Option<&Spanned<String>>,
    keyword: fn(&str) -> String,
) -> Result<RateBase, CampaignError> {
    let Some(raw) = raw else {
        return Ok(RateBase::default());
    };
    match keyword(raw.get_ref()).as_str() {
        "graded" | "评定票" => Ok(RateBase::Graded),
        "valid" | "有效票" => Ok(RateBase::Valid),
        _ => Err(cx.at(
            &raw.span(),
            K::UnknownRateBase {
                value: raw.get_ref().trim().to_string(),
            },
        )),
    }
}
