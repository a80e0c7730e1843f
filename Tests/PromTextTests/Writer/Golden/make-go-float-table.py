#!/usr/bin/env python3
"""Writes go-float-table.txt: reference strings for GoFloatTests.

Each line: the IEEE-754 bits in hex, then Go strconv.FormatFloat(v, 'g', -1, 64), client_golang's
writeOpenMetricsFloat, and Prometheus jsonutil.MarshalFloat (without quotes), tab-separated.
The digits come from Python's repr (David Gay's shortest round-trip digits), an implementation independent
of Swift's, laid out with Go's rules. Run: python3 make-go-float-table.py > go-float-table.txt
"""
import math
import random
import struct


def digits_of(x):
    """Shortest digits and decimal point position (value = 0.DIGITS * 10**dp) of a finite non-zero |x|."""
    text = repr(abs(x))
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    dp = len(whole.lstrip("0")) if whole.lstrip("0") else -(len(fraction) - len(fraction.lstrip("0")))
    dp += int(exponent or 0)
    return digits.rstrip("0"), dp


def layout_e(neg, digits, dp):
    head = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    exp = dp - 1
    return ("-" if neg else "") + head + "e" + ("-" if exp < 0 else "+") + ("%02d" % abs(exp))


def layout_f(neg, digits, dp):
    if dp <= 0:
        body = "0." + "0" * (-dp) + digits
    elif dp >= len(digits):
        body = digits + "0" * (dp - len(digits))
    else:
        body = digits[:dp] + "." + digits[dp:]
    return ("-" if neg else "") + body


def special(x):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    return None


def go_g(x):
    s = special(x)
    if s:
        return s
    neg = math.copysign(1, x) < 0
    if x == 0:
        return "-0" if neg else "0"
    digits, dp = digits_of(x)
    exp = dp - 1
    return layout_e(neg, digits, dp) if exp < -4 or exp >= 6 else layout_f(neg, digits, dp)


def open_metrics(x):
    if x == 0:
        return "0.0"
    s = go_g(x)
    if special(x) or "." in s or "e" in s:
        return s
    return s + ".0"


def json_float(x):
    s = special(x)
    if s:
        return s
    neg = math.copysign(1, x) < 0
    if x == 0:
        return "-0" if neg else "0"
    digits, dp = digits_of(x)
    a = abs(x)
    return layout_e(neg, digits, dp) if a < 1e-6 or a >= 1e21 else layout_f(neg, digits, dp)


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def values():
    edge = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, -1.5, 2 / 3, 0.3, 100.0, 1e-4, 1e-5, 9.9999e-5, 0.00012345,
            123456.0, 999999.0, 999999.5, 1e6, -1e6, 1234567.0, 1e15, 1e16, 1e17, 1e20, 1e21, 1e22, 1e23,
            2.0 ** 53, 2.0 ** 53 - 1, 2.0 ** 53 + 2, 2.0 ** 63, 2.0 ** 64, 12345678901234567000.0,
            1.2345678901234568e+29, 1e-6, 1e-7, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
            1.7976931348623157e308, -1.7976931348623157e308, 1.0000000000000002, 0.9999999999999999,
            4.35, 0.1 + 0.2, 1520879607.789, 1520879607789.0, 3.0e-05, 100000.5, 0.001, 0.025, 1e300, 1e-300,
            float("inf"), float("-inf"), float("nan")]
    out = list(edge)
    for near in [1e21, 1e-6, 1e6, 1e-4, 1e-5, 2.0 ** 53]:
        out += [math.nextafter(near, 0), math.nextafter(near, math.inf)]
    rng = random.Random(20261125)
    for _ in range(2000):
        out.append(from_bits(rng.getrandbits(64)))
    for _ in range(1000):
        out.append(rng.randint(0, 10 ** rng.randint(1, 20)) / 10 ** rng.randint(0, 12))
    for _ in range(500):
        out.append(float(rng.randint(-(2 ** 60), 2 ** 60)))
    for _ in range(500):
        out.append(from_bits(rng.getrandbits(52)))  # subnormals
    return out


for x in values():
    print("%016x\t%s\t%s\t%s" % (bits(x), go_g(x), open_metrics(x), json_float(x)))
