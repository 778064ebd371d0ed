//! Decimal to binary floating point, correctly rounded (ties to even), for `f64` and `f32`.
//!
//! Small on purpose (it replaces `serde_json`'s `float_roundtrip`, whose power tables cost
//! about 19 KB of wasm): no tables, one shared slow path for both widths.
//!
//! The input is the digit string D (integer digits then fraction digits) and a decimal exponent,
//! value = D × 10^e10. The steps, each exact:
//!
//! 1. Leading and trailing zeros are dropped; no digit left means 0. The decimal exponent of the
//!    leading digit bounds the value within a factor of ten, which settles far-out inputs at once
//!    (infinity from 10^309 up, zero below 10^-324, half the smallest subnormal being 2.47e-324;
//!    10^39 and 10^-46 for `f32`). All exponent arithmetic saturates.
//! 2. Fast path (Clinger): if D ≤ 2^53 and |e10| ≤ 22, both D and 10^|e10| are exact doubles, so
//!    the single IEEE multiplication or division is the correctly rounded result. For `f32` the
//!    same with 2^24, 10^10 and `f32` arithmetic (never through `f64`, which would round twice).
//!    Then, for up to 19 digits, the middle path (see [`wide`]): a negative exponent down to
//!    -19, a candidate from floating point checked exactly against its two halfway points in
//!    128-bit integers; and the estimate path (see [`scaled`]) for any other exponent: the
//!    value to 128 bits with a known error, which settles the rounding unless a halfway point
//!    is within that error. [`quick`] is these three paths alone, for a reader that gathered
//!    the digits itself.
//! 3. Otherwise exact big integers. Only the first 800 significant digits go into D; a nonzero
//!    digit after them is remembered as "sticky". That is exact: every rounding boundary (the
//!    midpoint of two neighbouring floats: an integer below 2^1024, or odd × 2^-k = odd × 5^k /
//!    10^k with odd < 2^54 and k ≤ 1075) has at most 768 significant digits, so it is a multiple
//!    of one unit of the 800th digit of any number of its magnitude. Hence no boundary lies
//!    strictly between the truncated value and the truncated value plus that unit, and "truncated
//!    plus a little" rounds the same way as the true value.
//!    With 10^e10 = 5^e10 · 2^e10: value = num/den · 2^e10 where num = D·5^e10 and den = 1, or
//!    num = D and den = 5^-e10.
//! 4. num is scaled by a power of two so that den ≤ num < 2·den, which gives the binary exponent
//!    ex of the value, and binary long division (compare, subtract, shift) gives q, the p + 1
//!    leading bits of the value (p = 53 or 24, the precision); a nonzero remainder is sticky too.
//! 5. One rounding of q to the bits available at exponent ex (p, fewer for subnormals): up if the
//!    dropped bits are above half, or exactly half and (sticky or the kept part odd). The float's
//!    bits are then (biased exponent << (p - 1)) + significand, where the hidden bit and a carry
//!    out of the significand add to the exponent field by themselves, and anything at or above
//!    the infinity pattern is infinity.

/// Significant digits used exactly; later digits only count as nonzero or not (see step 3).
const KEEP: usize = 800;

/// Limbs (32 bits each) of the big integers. The largest: num = 800 digits < 2^2658, and
/// den = 5^1123 < 2^2608 (800 digits whose leading one is at 10^-324), aligned to the larger of
/// the two and then num < 2·den: at most 2659 bits, 84 limbs.
const LIMBS: usize = 90;

/// The value (int ++ frac) × 10^exp, as the nearest f64 (ties to even);
/// `int` and `frac` are ASCII digits (either may be empty, leading/trailing zeros allowed, any length).
/// Infinity when the value is beyond f64's range after rounding, 0.0 when it rounds to zero.
/// Never panics for any input.
pub(crate) fn to_f64(int: &[u8], frac: &[u8], exp: i64) -> f64 {
    f64::from_bits(convert(int, frac, exp, false))
}

/// The same for f32, rounded once, straight from the decimal (not via f64: no double rounding).
pub(crate) fn to_f32(int: &[u8], frac: &[u8], exp: i64) -> f32 {
    f32::from_bits(convert(int, frac, exp, true) as u32)
}

/// The bits of the nearest `f64`, or of the nearest `f32` when `single`.
fn convert(int: &[u8], frac: &[u8], exp: i64, single: bool) -> u64 {
    // Significand bits (with the hidden one), largest exponent, and the decimal exponents of the
    // leading digit above which the value is infinite, below which it rounds to zero.
    let (p, emax, dmax, dmin) = if single { (24, 127, 38, -46) } else { (53, 1023, 308, -324) };
    let inf = (2 * emax as u64 + 1) << (p - 1);

    let dig = |i| digit(int, frac, i);
    let n = int.len() + frac.len();
    let Some(a) = (0..n).find(|&i| dig(i) != 0) else { return 0 };
    let b = (a..n).rev().find(|&i| dig(i) != 0).unwrap_or(a);
    let last = b.min(a + KEEP - 1);
    // value ≈ digits a..=last × 10^e10, leading digit at 10^lead.
    let e10 = exp.saturating_add(int.len() as i64 - 1 - last as i64);
    let lead = e10.saturating_add((last - a) as i64);
    if lead > dmax {
        return inf;
    }
    if lead < dmin {
        return 0;
    }

    if b - a < 19 {
        let m = (a..=b).fold(0u64, |m, i| m * 10 + dig(i) as u64);
        if let Some(bits) = quick(m, e10, single) {
            return bits;
        }
    }

    let mut num = Big::new(0);
    for i in a..=last {
        num.mul_add(10, dig(i) as u32);
    }
    // value = num/den · 2^e10, with 10^e10 = 5^e10 · 2^e10 and -1123 ≤ e10 ≤ 308.
    let mut den = Big::new(1);
    (if e10 < 0 { &mut den } else { &mut num }).mul_pow5(e10.unsigned_abs() as usize);

    // Scale num by 2^s so that den ≤ num < 2·den: the value is in [2^ex, 2^(ex + 1)).
    let mut s = den.bits() as i64 - num.bits() as i64;
    if s > 0 {
        num.shl(s as usize);
    } else {
        den.shl(s.unsigned_abs() as usize);
    }
    if !num.ge(&den) {
        num.shl(1);
        s += 1;
    }
    let ex = e10 - s;
    // q = floor(num/den · 2^p): p + 1 bits, the top one set.
    let mut q = 0;
    for _ in 0..=p {
        let bit = num.ge(&den);
        num.sub_shl1(&den, bit);
        q = q << 1 | bit as u64;
    }
    let sticky = b > last || num.bits() > 0;

    // value = (q + sticky fraction) · 2^(ex - p). Keep the bits of weight ≥ 2^(e + 1 - p), that
    // is, drop the low `drop` bits of q, rounding.
    let emin = 1 - emax;
    let e = ex.max(emin);
    let drop = 1 + e - ex;
    if drop > p + 1 {
        // value < 2^(ex + 1) ≤ 2^(e - p): below half the smallest subnormal.
        return 0;
    }
    let m = q >> drop;
    let rem = q & ((1 << drop) - 1);
    let half = 1 << (drop - 1);
    let up = rem > half || (rem == half && (sticky || m & 1 == 1));
    // Normal: m has p bits and its top one adds 1 to the biased exponent e - emin. Subnormal:
    // e = emin and the biased exponent is 0, or 1 if m reaches 2^(p - 1).
    let bits = ((e - emin) as u64) << (p - 1);
    (bits + m + up as u64).min(inf)
}

/// The bits of `m · 10^e10` as the nearest `f64` (or `f32` when
/// `single`), when the fast or the middle path can tell; `None` sends the
/// digits to [`to_f64`] / [`to_f32`]. A reader that gathered the digits
/// of a number into `m` as it read them asks here first.
pub(crate) fn quick(m: u64, e10: i64, single: bool) -> Option<u64> {
    if m == 0 {
        return Some(0);
    }
    // Fast path: `m` and `10^e` are exact, so one operation rounds once.
    let e = e10.unsigned_abs();
    if single {
        if m <= 1 << 24 && e <= 10 {
            let (m, t) = (m as f32, (0..e).fold(1.0f32, |t, _| t * 10.0));
            return Some((if e10 < 0 { m / t } else { m * t }).to_bits().into());
        }
    } else if m <= 1 << 53 && e <= 22 {
        let (m, t) = (m as f64, (0..e).fold(1.0f64, |t, _| t * 10.0));
        return Some((if e10 < 0 { m / t } else { m * t }).to_bits());
    }
    wide(m, e10, single).or_else(|| scaled(m, e10, single))
}

/// The middle path, for up to 19 digits `m` (not zero) with a negative
/// exponent down to -19, exact in 128-bit integers without dividing them (a
/// 128-bit division would cost more code than all of this): most numbers a
/// program writes fall here (17 significant digits, like
/// `0.30000000000000004`). `None` sends the rest on, to [`scaled`].
///
/// The quotient `m / 10^-e10` in floating point (two or three roundings,
/// so at most a step or two off) is checked against its two halfway points
/// in 128-bit integers, and stepped until it passes. Scaled by
/// `2^(1-E) · d`, where `d = 10^-e10` and the candidate is `M · 2^E`, the
/// value is `m · 2^(1-E)` and the halfway points are `2M · d ± d`, all
/// below 2^128 near the answer. Where that does not hold (at the bottom of a
/// binade, whose lower half-step is smaller; a value of 2^54 or more) the
/// other paths answer.
fn wide(m: u64, e10: i64, single: bool) -> Option<u64> {
    if !(-19..0).contains(&e10) {
        return None;
    }
    let d = 10u64.pow(e10.unsigned_abs() as u32);
    // Significand bits with the hidden one, and the exponent bias.
    let (p, bias) = if single { (24, 127) } else { (53, 1023) };
    let quotient = m as f64 / d as f64;
    let mut bits = if single { (quotient as f32).to_bits().into() } else { quotient.to_bits() };
    for _ in 0..3 {
        let (fraction, biased) = (bits & ((1 << (p - 1)) - 1), (bits >> (p - 1)) as i64);
        if fraction == 0 || biased == 0 {
            return None;
        }
        let big = u128::from(fraction | 1 << (p - 1));
        let shift = u32::try_from(bias + p - biased).ok()?;
        if shift > 64 + m.leading_zeros() {
            return None;
        }
        let value = u128::from(m) << shift;
        let d = u128::from(d);
        let mid = 2 * big * d;
        let (lower, upper) = (mid - d, mid + d);
        // Ties go to the even neighbour.
        let odd = fraction & 1 == 1;
        if value > upper || (value == upper && odd) {
            bits += 1;
        } else if value < lower || (value == lower && odd) {
            bits -= 1;
        } else {
            return Some(bits);
        }
    }
    None
}

/// The estimate path, for up to 19 digits `m` (not zero) with any exponent
/// the middle path leaves (large numbers, and tiny ones like `1.6e-35`):
/// `m · 10^e10` to 128 bits, from `10^e10 = 5^e10 · 2^e10` with `5^e10` (or
/// `(1/5)^-e10`) raised by squaring, no tables.
///
/// Every product keeps its top 128 bits, rounded down, so the estimate `X`
/// (scaled into `[2^127, 2^128)`) is below the true value by less than
/// `(2k + 10) · 2^-127` of it, `k = |e10|`: `1/5` starts one unit low, the
/// `j`-th square carries at most `2^(j+1)` units (squaring doubles an error,
/// and adds one unit), the squares used for `k` sum to at most `2k`, and
/// each of at most ten products adds one unit more. For `k ≤ 400` that is
/// under `2^-117`, fewer than 2^11 units of `X`. Rounding can only go wrong
/// when a halfway point between two floats lies in `[X, X + error]`; the
/// check below leaves a margin of 2^14 units and sends those few values
/// (exact ties among them), and any result outside the normal range, to
/// the slow path (`None`).
fn scaled(m: u64, e10: i64, single: bool) -> Option<u64> {
    let mut k = e10.unsigned_abs();
    if k > 400 {
        return None;
    }
    // (mantissa, exponent): mantissa · 2^exponent, the mantissa's top bit set.
    let mut base = if e10 >= 0 { (5 << 125, -125) } else { (u128::MAX / 5 * 4, -130) };
    let mut power = (1 << 127, -127);
    while k > 0 {
        if k & 1 == 1 {
            power = mul(power, base);
        }
        k >>= 1;
        if k > 0 {
            base = mul(base, base);
        }
    }
    let z = m.leading_zeros();
    let (x, xe) = mul((u128::from(m) << (64 + z), -64 - i64::from(z)), (power.0, power.1 + e10));
    // The value is X · 2^xe, in [2^(127 + xe), 2^(128 + xe)).
    let (p, bias) = if single { (24, 127) } else { (53, 1023) };
    let dropped = 128 - p;
    let (kept, rest) = ((x >> dropped) as u64, x & ((1 << dropped) - 1));
    let half = 1u128 << (dropped - 1);
    if rest.abs_diff(half) <= 1 << 14 {
        return None;
    }
    let biased = 127 + xe + bias;
    if biased < 1 || biased > 2 * bias {
        return None;
    }
    // The hidden bit adds one to the exponent field, and a carry out of the
    // significand another.
    Some((((biased - 1) as u64) << (p - 1)) + kept + u64::from(rest > half))
}

/// The top 128 bits of the product of two mantissas with their top bits
/// set, rounded down, and their exponent.
fn mul((a, ae): (u128, i64), (b, be): (u128, i64)) -> (u128, i64) {
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0, b1, b0) = (a >> 64, a & LOW, b >> 64, b & LOW);
    let low = a0 * b0;
    let (cross, c1) = (a1 * b0).overflowing_add(a0 * b1);
    let (cross, c2) = cross.overflowing_add(low >> 64);
    let high = a1 * b1 + (cross >> 64) + (u128::from(c1 as u8 + c2 as u8) << 64);
    if high >> 127 == 1 {
        (high, ae + be + 128)
    } else {
        (high << 1 | (cross << 64 | (low & LOW)) >> 127, ae + be + 127)
    }
}

/// Whether the finite, positive `value` is exactly `digits × 10^exp10`
/// (`digits` ASCII, at most a few dozen): the question a writer of floats
/// asks to break a tie between two shortest forms.
pub(crate) fn equals(value: f64, digits: &[u8], exp10: i64) -> bool {
    let bits = value.to_bits();
    let (fraction, biased) = (bits & ((1 << 52) - 1), (bits >> 52) as i64);
    // value = m · 2^e2
    let (m, e2) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    if !(-400..=400).contains(&exp10) {
        return false;
    }
    let mut lhs = Big::new(0);
    for &d in digits {
        lhs.mul_add(10, u32::from(d.wrapping_sub(b'0').min(9)));
    }
    let mut rhs = Big::new(0);
    for shift in [48, 32, 16, 0] {
        rhs.mul_add(1 << 16, ((m >> shift) & 0xffff) as u32);
    }
    // digits · 5^exp10 · 2^exp10 = m · 2^e2, each power on the side where
    // it is whole.
    (if exp10 >= 0 { &mut lhs } else { &mut rhs }).mul_pow5(exp10.unsigned_abs() as usize);
    let shift = e2 - exp10;
    (if shift >= 0 { &mut rhs } else { &mut lhs }).shl(shift.unsigned_abs() as usize);
    lhs.ge(&rhs) && rhs.ge(&lhs)
}

/// Digit `i` of int ++ frac (a byte that is not a digit reads as 9 rather than being trusted).
/// Not inlined: the four loops over digits share it (smaller code).
#[inline(never)]
fn digit(int: &[u8], frac: &[u8], i: usize) -> u8 {
    (if i < int.len() { int[i] } else { frac[i - int.len()] }).wrapping_sub(b'0').min(9)
}

/// A nonnegative integer, little-endian 32-bit limbs; the limbs from `n` on are all zero (`n` may
/// overstate the length, never understate it).
struct Big {
    n: usize,
    d: [u32; LIMBS],
}

impl Big {
    fn new(v: u32) -> Big {
        let mut d = [0; LIMBS];
        d[0] = v;
        Big { n: 1, d }
    }

    /// self = self · m + a
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut c = a as u64;
        for x in &mut self.d[..self.n] {
            c += *x as u64 * m as u64;
            *x = c as u32;
            c >>= 32;
        }
        if c > 0 {
            self.d[self.n] = c as u32;
            self.n += 1;
        }
    }

    /// self = self · 5^e
    fn mul_pow5(&mut self, mut e: usize) {
        while e > 0 {
            let k = e.min(13);
            self.mul_add(5u32.pow(k as u32), 0);
            e -= k;
        }
    }

    /// self = self · 2^s
    fn shl(&mut self, s: usize) {
        let (w, b) = (s / 32, s % 32);
        let n = self.n + w + 1;
        // From the top down, so each limb is read before it is overwritten.
        for i in (0..n).rev() {
            let hi = if i >= w { self.d[i - w] } else { 0 };
            let lo = if i > w { self.d[i - w - 1] } else { 0 };
            self.d[i] = (((hi as u64) << 32 | lo as u64) << b >> 32) as u32;
        }
        self.n = if self.d[n - 1] != 0 { n } else { n - 1 };
    }

    /// self = (self - o) · 2 if `sub`, where then self ≥ o (so o has no nonzero limb from self.n
    /// on); else self = self · 2.
    fn sub_shl1(&mut self, o: &Big, sub: bool) {
        let (mut borrow, mut carry) = (0, 0);
        for i in 0..self.n {
            let t = (self.d[i] as u64).wrapping_sub(o.d[i] as u64 * sub as u64).wrapping_sub(borrow);
            borrow = t >> 63;
            self.d[i] = (t as u32) << 1 | carry;
            carry = t as u32 >> 31;
        }
        if carry > 0 {
            self.d[self.n] = carry;
            self.n += 1;
        }
    }

    /// self ≥ o
    fn ge(&self, o: &Big) -> bool {
        for i in (0..self.n.max(o.n)).rev() {
            if self.d[i] != o.d[i] {
                return self.d[i] > o.d[i];
            }
        }
        true
    }

    /// The number of significant bits.
    fn bits(&self) -> usize {
        (0..self.n).rev().find(|&i| self.d[i] != 0).map_or(0, |i| 32 * (i + 1) - self.d[i].leading_zeros() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::{quick, scaled, to_f32, to_f64};

    /// xorshift64*, fixed seeds: the same values on every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// Splits a JSON-like number (no sign) into integer digits, fraction digits and exponent.
    fn split(s: &str) -> (&str, &str, i64) {
        let (mant, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], s[i + 1..].trim_start_matches('+').parse().unwrap()),
            None => (s, 0),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        (int, frac, exp)
    }

    /// The text std parses for int ++ frac × 10^exp (std needs a digit on each side of the point).
    fn std_text(int: &str, frac: &str, exp: i64) -> String {
        format!("0{int}.{frac}0e{exp}")
    }

    /// Both widths of int ++ frac × 10^exp against std's correctly rounded parsers.
    fn check_parts(int: &str, frac: &str, exp: i64) {
        let text = std_text(int, frac, exp);
        let want64: f64 = text.parse().unwrap();
        let got64 = to_f64(int.as_bytes(), frac.as_bytes(), exp);
        assert_eq!(got64.to_bits(), want64.to_bits(), "f64 of {text}: got {got64:e}, want {want64:e}");
        let want32: f32 = text.parse().unwrap();
        let got32 = to_f32(int.as_bytes(), frac.as_bytes(), exp);
        assert_eq!(got32.to_bits(), want32.to_bits(), "f32 of {text}: got {got32:e}, want {want32:e}");
    }

    fn check(s: &str) {
        let (int, frac, exp) = split(s);
        check_parts(int, frac, exp);
    }

    /// `digits` plus (`up`) or minus one unit in the last place, same length (a leading zero
    /// may remain); None below zero.
    fn nudge(digits: &str, up: bool) -> Option<String> {
        let mut d = digits.as_bytes().to_vec();
        for i in (0..d.len()).rev() {
            match (up, d[i]) {
                (true, b'9') => d[i] = b'0',
                (false, b'0') => d[i] = b'9',
                (true, _) => {
                    d[i] += 1;
                    return Some(String::from_utf8(d).unwrap());
                }
                (false, _) => {
                    d[i] -= 1;
                    return Some(String::from_utf8(d).unwrap());
                }
            }
        }
        up.then(|| format!("1{}", String::from_utf8(d).unwrap()))
    }

    /// Checks the digit string `digits` × 10^exp, written several ways, against std and, when
    /// given, the expected bits for each width.
    fn check_digits(digits: &str, exp: i64, want64: Option<u64>, want32: Option<u32>) {
        let len = digits.len() as i64;
        let mid = digits.len() / 2;
        let zeros = format!("000{digits}");
        let ways = [
            (digits, "", exp),
            ("", digits, exp + len),
            ("0", &zeros[..], exp + len + 3),
            (&digits[..mid], &digits[mid..], exp + len - mid as i64),
            (&digits[..1], &digits[1..], exp + len - 1),
        ];
        for (int, frac, exp) in ways {
            check_parts(int, frac, exp);
            if let Some(w) = want64 {
                assert_eq!(to_f64(int.as_bytes(), frac.as_bytes(), exp).to_bits(), w, "{int}.{frac}e{exp}");
            }
            if let Some(w) = want32 {
                assert_eq!(to_f32(int.as_bytes(), frac.as_bytes(), exp).to_bits(), w, "{int}.{frac}e{exp}");
            }
        }
    }

    /// The exact decimal digits and exponent of m · 2^e2 (m > 0), by base-10^9 arithmetic.
    fn exact(m: u64, e2: i64) -> (String, i64) {
        const B: u64 = 1_000_000_000;
        let mut v = vec![(m % B) as u32, (m / B % B) as u32, (m / B / B) as u32];
        let mul = |v: &mut Vec<u32>, f: u64| {
            let mut c = 0;
            for x in v.iter_mut() {
                let t = *x as u64 * f + c;
                *x = (t % B) as u32;
                c = t / B;
            }
            while c > 0 {
                v.push((c % B) as u32);
                c /= B;
            }
        };
        // m · 2^e2 = m · 2^e2 (e2 ≥ 0), or m · 5^-e2 · 10^e2.
        let f = if e2 >= 0 { 2 } else { 5 };
        for _ in 0..e2.unsigned_abs() {
            mul(&mut v, f);
        }
        let mut s: String = v.iter().rev().map(|x| format!("{x:09}")).collect();
        s = s.trim_start_matches('0').to_string();
        (s, e2.min(0))
    }

    /// The exact midpoint between the positive finite f64 `bits` and the next one up, as digits
    /// and exponent, and the bits it rounds to (ties to even).
    fn mid64(bits: u64) -> (String, i64, u64) {
        let (f, e) = (bits & ((1 << 52) - 1), (bits >> 52) as i64);
        let (m, e2) = if e == 0 { (f, -1074) } else { (f | 1 << 52, e - 1075) };
        let (d, x) = exact(2 * m + 1, e2 - 1);
        (d, x, bits + (bits & 1))
    }

    fn mid32(bits: u32) -> (String, i64, u32) {
        let (f, e) = ((bits & ((1 << 23) - 1)) as u64, (bits >> 23) as i64);
        let (m, e2) = if e == 0 { (f, -149) } else { (f | 1 << 23, e - 150) };
        let (d, x) = exact(2 * m + 1, e2 - 1);
        (d, x, bits + (bits & 1))
    }

    /// The midpoint above `bits` and one unit of its last digit either side.
    fn check_mid64(bits: u64) {
        let (d, x, w) = mid64(bits);
        check_digits(&d, x, Some(w), None);
        check_digits(&nudge(&d, true).unwrap(), x, Some(bits + 1), None);
        check_digits(&nudge(&d, false).unwrap(), x, Some(bits), None);
    }

    fn check_mid32(bits: u32) {
        let (d, x, w) = mid32(bits);
        check_digits(&d, x, None, Some(w));
        check_digits(&nudge(&d, true).unwrap(), x, None, Some(bits + 1));
        check_digits(&nudge(&d, false).unwrap(), x, None, Some(bits));
    }

    #[test]
    fn edges() {
        for s in [
            "0",
            "0.000",
            "000",
            "0e999",
            "0.0e-999",
            "1",
            "1.0",
            "0.1",
            "0.30000000000000004",
            "1e23",
            "1e22",
            "1e-22",
            "9.999999999999999e22",
            "8.988465674311579e307",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "2.225073858507201e-308",
            "4.9406564584124654e-324",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47032822920623272e-324",
            "1e-324",
            "1e-325",
            "9.9e-325",
            "1e-400",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e308",
            "1e309",
            "1e400",
            "9007199254740992",
            "9007199254740993",
            "9007199254740994",
            "9007199254740995",
            "9007199254740993.0000000000000000001",
            "3.4028235e38",
            "3.4028236e38",
            "3.40282357e38",
            "3.4028234e38",
            "1e38",
            "1e39",
            "1.4e-45",
            "1.401298464324817e-45",
            "7e-46",
            "7.006e-46",
            "7.1e-46",
            "1e-46",
            "1e-47",
            "1.1754943508222875e-38",
            "16777217",
            "16777216.000000001",
            "123456789012345678901234567890",
            "0.0000000000000000000000000000001",
            "4294967295",
            "4294967296e-9",
            "18446744073709551615",
            "18446744073709551616",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "1.00000000000000011102230246251565404236316680908203126",
        ] {
            check(s);
        }
        // Exact values, independent of std.
        assert_eq!(to_f64(b"0", b"000", 0), 0.0);
        assert_eq!(to_f64(b"", b"", 5), 0.0);
        assert_eq!(to_f64(b"1", b"", 23), 1e23);
        assert_eq!(to_f64(b"4", b"9406564584124654", -324), 5e-324);
        assert_eq!(to_f64(b"2", b"4703282292062327", -324), 0.0);
        assert_eq!(to_f64(b"2", b"4703282292062328", -324), 5e-324);
        assert_eq!(to_f64(b"1", b"7976931348623157", 308), f64::MAX);
        assert_eq!(to_f64(b"1", b"7976931348623159", 308), f64::INFINITY);
        assert_eq!(to_f64(b"9007199254740993", b"", 0), 9007199254740992.0);
        assert_eq!(to_f32(b"3", b"4028235", 38), f32::MAX);
        assert_eq!(to_f32(b"1", b"4", -45), f32::from_bits(1));
        assert_eq!(to_f32(b"16777217", b"", 0), 16777216.0);
        // 0.(300 zeros)1e300 = 0.1, and the like.
        let z = "0".repeat(300);
        check_parts("0", &format!("{z}1"), 300);
        check_parts(&format!("{z}1"), &z, -1);
        check_parts(&format!("1{z}"), "", -301);
        assert_eq!(to_f64(b"0", format!("{z}1").as_bytes(), 300), 0.1);
        assert_eq!(to_f32(b"0", format!("{z}1").as_bytes(), 300), 0.1);
        // Long strings.
        check_parts(&"1".repeat(1000), "", -990);
        check_parts(&"9".repeat(1000), "", -1000);
        check_parts("", &"9".repeat(1500), -300);
        check_parts(&"3".repeat(1200), &"7".repeat(1200), -1500);
        check_parts(&"1".repeat(1000), "", -1330);
        check_parts(&"1".repeat(1000), "", -690);
    }

    /// Random digit strings of up to 1500 digits, the first of them anywhere from 10^-340 to
    /// 10^320 (a few beyond the range each side).
    #[test]
    fn long_random() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        for _ in 0..1000 {
            let len = 1 + rng.below(1500) as usize;
            let d: String = (0..len).map(|_| (b'0' + rng.below(10) as u8) as char).collect();
            let cut = rng.below(len as u64 + 1) as usize;
            let lead = rng.below(660) as i64 - 340;
            check_parts(&d[..cut], &d[cut..], lead + 1 - cut as i64);
        }
    }

    #[test]
    fn absurd() {
        let (inf64, inf32) = (f64::INFINITY, f32::INFINITY);
        for (int, frac) in [("1", ""), ("", "1"), ("0001000", "000"), ("9", "9")] {
            let (int, frac) = (int.as_bytes(), frac.as_bytes());
            assert_eq!(to_f64(int, frac, i64::MAX), inf64);
            assert_eq!(to_f64(int, frac, i64::MIN), 0.0);
            assert_eq!(to_f64(int, frac, i64::MAX - 2), inf64);
            assert_eq!(to_f64(int, frac, i64::MIN + 2), 0.0);
            assert_eq!(to_f32(int, frac, i64::MAX), inf32);
            assert_eq!(to_f32(int, frac, i64::MIN), 0.0);
        }
        let nines = "9".repeat(100_000);
        let one = format!("1{}", "0".repeat(99_999));
        let tenth = format!("{}1", "0".repeat(99_999));
        for e in [i64::MAX, i64::MIN, i64::MAX - 100_000, i64::MIN + 100_000, 0, -100_000, 100_000] {
            for (int, frac) in [(&nines[..], ""), ("", &nines[..]), (&nines[..], &nines[..]), (&one[..], &tenth[..])] {
                let x = to_f64(int.as_bytes(), frac.as_bytes(), e);
                let y = to_f32(int.as_bytes(), frac.as_bytes(), e);
                assert!(x >= 0.0 && y >= 0.0);
                if e == i64::MAX || e == i64::MAX - 100_000 || e == 100_000 || (e == 0 && !int.is_empty()) {
                    assert_eq!((x, y), (inf64, inf32));
                }
                if e == 0 && int.is_empty() {
                    assert_eq!((x, y), (1.0, 1.0));
                }
                if e == i64::MIN || e == i64::MIN + 100_000 {
                    assert_eq!((x, y), (0.0, 0.0));
                }
            }
        }
        assert_eq!(to_f64(one.as_bytes(), b"", -100_000), 0.1);
        assert_eq!(to_f64(b"", tenth.as_bytes(), 99_999), 0.1);
        assert_eq!(to_f32(one.as_bytes(), tenth.as_bytes(), -100_000), 0.1);
        assert_eq!(to_f64(nines.as_bytes(), b"", -100_000), 1.0);
        assert_eq!(to_f64("0".repeat(100_000).as_bytes(), "0".repeat(100_000).as_bytes(), i64::MAX), 0.0);
        // Not digits: unspecified, but no panic.
        for e in [0, -30, 30, 300, -300, i64::MAX, i64::MIN] {
            to_f64(b"12ab\xff.", b"/:\x00", e);
            to_f32(&[255; 40], &[0; 40], e);
            to_f64(&[255; 19], b"", e);
            to_f32(b"", &[b':'; 19], e);
        }
    }

    #[test]
    fn midpoints_f64() {
        let specific = [
            0,                    // 2^-1075: rounds to 0
            1,                    // between the two smallest subnormals
            (1 << 52) - 1,        // largest subnormal / smallest normal
            1 << 52,              // smallest normal
            1.0f64.to_bits(),     // 1 + 2^-53
            1.0f64.to_bits() - 1, // below 1
            9007199254740992.0f64.to_bits(),
            f64::MAX.to_bits(), // the overflow boundary: exactly halfway rounds to infinity
            f64::MAX.to_bits() - 1,
            1e23f64.to_bits(),
            1e23f64.to_bits() - 1,
            0.1f64.to_bits(),
            8.988465674311579e307f64.to_bits(),
            (1 << 63) - (1 << 52) - 2,
        ];
        for bits in specific {
            check_mid64(bits);
        }
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..150 {
            let bits = rng.below(0x7fef_ffff_ffff_ffff);
            check_mid64(bits);
        }
        // The overflow boundary: the halfway point is infinity, anything below it is f64::MAX.
        let (d, x, _) = mid64(f64::MAX.to_bits());
        assert_eq!(to_f64(d.as_bytes(), b"", x), f64::INFINITY);
        assert_eq!(to_f64(nudge(&d, false).unwrap().as_bytes(), b"", x), f64::MAX);
        // Half the smallest subnormal, exactly: 0; plus anything: the smallest subnormal.
        let (d, x, _) = mid64(0);
        assert_eq!((d.len(), x), (752, -1075));
        assert_eq!(to_f64(d.as_bytes(), b"", x), 0.0);
        assert_eq!(to_f64(d.as_bytes(), b"0000001", x - 7), 0.0);
        assert_eq!(to_f64(d.as_bytes(), b"0000001", x), 5e-324);
    }

    /// A tie decided by a nonzero digit far beyond the 800 significant digits used exactly.
    #[test]
    fn sticky_far_away() {
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        for i in 0..40 {
            let bits = match i {
                0 => 0,
                1 => 2,
                2 => (1 << 52) - 2,
                3 => f64::MAX.to_bits() - 1,
                _ => rng.below(0x7fef_ffff_ffff_ffff) & !1,
            };
            let (d, x, w) = mid64(bits);
            assert_eq!(w, bits); // even: a tie rounds down
            let zeros = "0".repeat(1000 + i * 17);
            check_digits(&format!("{d}{zeros}"), x - zeros.len() as i64, Some(bits), None);
            check_digits(&format!("{d}{zeros}1"), x - zeros.len() as i64 - 1, Some(bits + 1), None);
            check_digits(&format!("{d}{zeros}"), x - zeros.len() as i64, Some(bits), None);
        }
        for bits in [0, 2, 0x7f7f_fffe, 1.0f32.to_bits()] {
            let (d, x, w) = mid32(bits);
            assert_eq!(w, bits);
            let zeros = "0".repeat(2000);
            check_digits(&format!("{d}{zeros}1"), x - 2001, None, Some(bits + 1));
            check_digits(&format!("{d}{zeros}"), x - 2000, None, Some(bits));
        }
    }

    #[test]
    fn midpoints_f32() {
        for bits in [0, 1, 0x007f_ffff, 0x0080_0000, 1.0f32.to_bits(), 16777216.0f32.to_bits(), 0x7f7f_fffe] {
            check_mid32(bits);
        }
        // The overflow boundary: halfway between f32::MAX and 2^128 is infinity.
        let (d, x, w) = mid32(f32::MAX.to_bits());
        assert_eq!(f32::from_bits(w), f32::INFINITY);
        check_digits(&d, x, None, Some(w));
        assert_eq!(to_f32(nudge(&d, false).unwrap().as_bytes(), b"", x), f32::MAX);
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        for _ in 0..300 {
            check_mid32(rng.below(0x7f7f_ffff) as u32);
        }
    }

    /// Rounding to f64 first and then to f32 is wrong for these; to_f32 rounds once.
    #[test]
    fn no_double_rounding() {
        // 1 + 2^-24 + 2^-60: just above the f32 midpoint 1 + 2^-24, but within half an f64 ulp
        // of it, so through f64 it becomes the midpoint and then ties to even (1.0).
        let (d, x) = exact((1 << 60) + (1 << 36) + 1, -60);
        let via64 = to_f64(d.as_bytes(), b"", x) as f32;
        assert_eq!(via64, 1.0);
        assert_eq!(to_f32(d.as_bytes(), b"", x), 1.0 + f32::EPSILON);
        assert_eq!(d.parse::<f32>().ok().map(|_| ()), Some(()));
        check_digits(&d, x, Some((1.0 + 2f64.powi(-24)).to_bits()), Some((1.0 + f32::EPSILON).to_bits()));
        // 1 + 3·2^-24 - 2^-60: just below a midpoint whose upper neighbour is even.
        let (d, x) = exact((1 << 60) + (3 << 36) - 1, -60);
        assert_eq!(to_f64(d.as_bytes(), b"", x) as f32, 1.0 + 2.0 * f32::EPSILON);
        assert_eq!(to_f32(d.as_bytes(), b"", x), 1.0 + f32::EPSILON);
        check_digits(&d, x, None, Some((1.0 + f32::EPSILON).to_bits()));
        // The same near the bottom of the subnormals: 2^-150 (a tie, to 0) plus 2^-210.
        let (d, x) = exact((1 << 60) + 1, -210);
        assert_eq!(to_f64(d.as_bytes(), b"", x) as f32, 0.0);
        assert_eq!(to_f32(d.as_bytes(), b"", x), f32::from_bits(1));
        check_digits(&d, x, None, Some(1));
        // Random ones: an f32 midpoint plus or minus a tiny amount.
        let mut rng = Rng(0x5151_5151_5151_5151);
        for _ in 0..300 {
            let bits = rng.below(0x7f7f_ffff) as u32;
            let (f, e) = ((bits & ((1 << 23) - 1)) as u64, (bits >> 23) as i64);
            let (m, e2) = if e == 0 { (f, -149) } else { (f | 1 << 23, e - 150) };
            // (2m + 1) · 2^(e2 - 1), made exact in 2^-35 of that.
            let up = rng.next() & 1 == 1;
            let mid = ((2 * m + 1) << 35) as i64 + if up { 1 } else { -1 };
            let (d, x) = exact(mid as u64, e2 - 36);
            check_digits(&d, x, None, Some(bits + up as u32));
        }
    }

    /// Random f64 bit patterns: shortest, 17 and 25 digit texts, and the last digit nudged.
    #[test]
    fn random_f64() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..RANDOM_F64 {
            let x = f64::from_bits(rng.next() >> 1);
            if !x.is_finite() {
                continue;
            }
            for s in [format!("{x}"), format!("{x:e}"), format!("{x:.16e}"), format!("{x:.24e}")] {
                check(&s);
            }
            let s = format!("{x:.16e}");
            let (int, frac, exp) = split(&s);
            for up in [false, true] {
                let d = nudge(&format!("{int}{frac}"), up).unwrap();
                check_parts(&d, "", exp - frac.len() as i64);
            }
        }
    }

    /// Random f32 bit patterns: shortest and 9 digit texts, and the last digit nudged.
    #[test]
    fn random_f32() {
        let mut rng = Rng(0x0f0f_1234_5678_4321);
        for _ in 0..RANDOM_F32 {
            let x = f32::from_bits(rng.next() as u32 >> 1);
            if !x.is_finite() {
                continue;
            }
            for s in [format!("{x}"), format!("{x:e}"), format!("{x:.8e}"), format!("{x:.12e}")] {
                check(&s);
            }
            let s = format!("{x:.8e}");
            let (int, frac, exp) = split(&s);
            for up in [false, true] {
                let d = nudge(&format!("{int}{frac}"), up).unwrap();
                check_parts(&d, "", exp - frac.len() as i64);
            }
        }
    }

    // Counts that keep the whole module's tests to a few seconds in a debug build (the slow path
    // is about ten times slower unoptimized; raise them locally for a longer soak).
    const RANDOM_F64: usize = 30_000;
    const RANDOM_F32: usize = 60_000;
    const SCALED_PER_EXPONENT: usize = 100;

    /// The estimate path on its own: up to 19 digits with every exponent
    /// from -360 to 320, against the standard library. It must answer
    /// nearly all of them itself (a path that always gave up would pass the
    /// comparison), and `quick`, which falls back on it, must agree too.
    #[test]
    fn estimates() {
        let mut rng = Rng(0x0123_4567_89ab_cdef);
        let (mut asked, mut answered) = (0, 0);
        for e10 in -360..=320 {
            for _ in 0..SCALED_PER_EXPONENT {
                let m = match rng.below(3) {
                    0 => rng.next() % 10_000_000_000_000_000_000,
                    1 => rng.next() >> (rng.below(60) + 4),
                    _ => rng.below(100_000) * 10u64.pow(rng.below(14) as u32) + rng.below(2),
                }
                .max(1);
                let text = format!("{m}e{e10}");
                let (want64, want32) = (text.parse::<f64>().unwrap().to_bits(), text.parse::<f32>().unwrap().to_bits());
                for single in [false, true] {
                    let (want, field) =
                        if single { (u64::from(want32), want32 >> 23) } else { (want64, (want64 >> 52) as u32) };
                    // Normal results, not the largest binade: those the path is for.
                    let normal = field > 0 && field < if single { 254 } else { 2046 };
                    asked += u32::from(normal);
                    if let Some(bits) = scaled(m, e10, single) {
                        answered += u32::from(normal);
                        assert_eq!(bits, want, "{text} single={single}");
                    }
                    if let Some(bits) = quick(m, e10, single) {
                        assert_eq!(bits, want, "{text} single={single}");
                    }
                }
            }
        }
        assert!(asked > 60_000 && answered * 1000 > asked * 999, "answered {answered} of {asked}");
    }
}
