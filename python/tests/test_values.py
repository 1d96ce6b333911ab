"""normalize(), compare(), Value and Context."""
from __future__ import annotations

import datetime
import json
import os
import tempfile
import unittest

from _support import claims

from claims import Modifier, Precision, Relation, Type


class NormalizeTest(unittest.TestCase):
    def test_date(self) -> None:
        v = claims.normalize("date", "Sunday", reference="2016-11-21")
        self.assertIsInstance(v, claims.Value)
        self.assertIs(v.type, Type.DATE)
        self.assertEqual(v.normalized, "2016-11-20")
        self.assertEqual(v.text, "Sunday")
        self.assertEqual(v.precision, Precision.DAY)
        begin, end = v.interval
        self.assertEqual(end - begin, 86400)
        self.assertEqual(v.datetimes, (datetime.datetime(2016, 11, 20),
                                       datetime.datetime(2016, 11, 21)))
        self.assertIsNone(v.amount)
        self.assertFalse(v.is_none)
        self.assertIs(v.modifier, Modifier.NONE)
        self.assertEqual(str(v), "2016-11-20")
        self.assertIn("date '2016-11-20'", repr(v))
        self.assertIn("from 'Sunday'", repr(v))

    def test_reference_as_date_and_bias(self) -> None:
        past = claims.normalize(Type.DATE, "Sunday", reference=datetime.date(2016, 11, 21))
        future = claims.normalize("date", "Sunday", reference=datetime.date(2016, 11, 21),
                                  bias="future")
        self.assertEqual(past.normalized, "2016-11-20")
        self.assertEqual(future.normalized, "2016-11-27")
        with self.assertRaises(ValueError):
            claims.normalize("date", "Sunday", reference="2016-11-21", bias="sideways")

    def test_amounts_and_hedges(self) -> None:
        # The examples of claims.h: a hedge is kept, no bound is invented.
        about = claims.normalize("duration", "about four minutes")
        self.assertEqual((about.normalized, about.amount), ("240", 240.0))
        self.assertIs(about.modifier, Modifier.APPROX)
        self.assertIsNone(about.interval)
        self.assertIn("APPROX", repr(about))
        at_least = claims.normalize("number", "at least 129")
        self.assertIs(at_least.modifier, Modifier.EQUAL_OR_MORE)
        self.assertEqual(at_least.lower, 129.0)
        self.assertIsNone(at_least.upper)  # NaN in C: no upper bound given
        self.assertEqual(claims.normalize(Type.NUMBER, "thirty-five").amount, 35.0)
        with self.assertRaises(claims.RangeError):
            claims.normalize("duration", "99999999999999999999999 minutes")
        c = claims.compare("duration", "about four minutes", "four minutes")
        self.assertIs(c.relation, Relation.COMPATIBLE)

    def test_time(self) -> None:
        v = claims.normalize("time", "2:07 PM Dec 01 2016")
        self.assertIs(v.type, Type.TIME)
        self.assertEqual(v.precision, Precision.MINUTE)
        self.assertEqual(v.datetimes[0], datetime.datetime(2016, 12, 1, 14, 7))

    def test_type_names(self) -> None:
        for t in Type:
            self.assertEqual(claims.type_name(t), str(t))
            self.assertEqual(claims.type_name(str(t)), str(t))
            self.assertEqual(claims.type_name(int(t)), str(t))
        with self.assertRaisesRegex(ValueError, "unknown value type 'nonsense'"):
            claims.normalize("nonsense", "x")
        with self.assertRaises(ValueError):
            claims.normalize(99, "x")
        with self.assertRaises(TypeError):
            claims.normalize(1.5, "x")  # type: ignore[arg-type]

    def test_bad_input_raises_with_the_library_message(self) -> None:
        cases = [
            ("", claims.ParseError),
            ("   ", claims.ParseError),
            ("a\x00b", claims.EncodingError),
            ("\ud800", claims.EncodingError),  # a lone surrogate is not UTF-8
            (b"\xff\xfe", claims.EncodingError),
            ("x" * 5000, claims.RangeError),
        ]
        for text, cls in cases:
            with self.subTest(text=text[:10]):
                with self.assertRaises(cls) as cm:
                    claims.normalize("date", text, reference="2016-11-20")
                self.assertIsInstance(cm.exception, claims.ClaimsError)
                self.assertIsInstance(cm.exception, ValueError)
                self.assertTrue(cm.exception.text)
                self.assertEqual(cm.exception.code, cm.exception.error_code)

    def test_relative_date_without_reference(self) -> None:
        with self.assertRaisesRegex(claims.ParseError, "reference"):
            claims.normalize("date", "Sunday")

    def test_value_equality_and_close(self) -> None:
        a = claims.normalize("date", "November 20, 2016")
        b = claims.normalize("date", "2016-11-20")
        c = claims.normalize("date", "November 2016")
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertNotEqual(a, c)
        self.assertEqual(len({a, b, c}), 2)
        with b:
            pass
        self.assertTrue(b.closed)
        b.close()  # idempotent
        self.assertEqual(b.normalized, "2016-11-20")  # copied fields stay
        with self.assertRaisesRegex(ValueError, "closed"):
            a.compare(b)


class CompareTest(unittest.TestCase):
    def test_relations(self) -> None:
        eq = claims.compare("date", "Sunday", "Nov. 20, 2016", reference="2016-11-21")
        self.assertIsInstance(eq, claims.Comparison)
        self.assertIs(eq.relation, Relation.EQUAL)
        self.assertEqual(eq.score, 1.0)
        self.assertTrue(eq.agrees)
        compatible = claims.compare("date", "November 2016", "Nov. 20, 2016")
        self.assertIs(compatible.relation, Relation.COMPATIBLE)
        self.assertTrue(compatible.reason)
        conflict = claims.compare("date", "2016-11-19", "2016-11-20")
        self.assertIs(conflict.relation, Relation.CONFLICTING)
        self.assertFalse(conflict.agrees)
        self.assertLess(conflict.score, 1.0)

    def test_values_and_mixed(self) -> None:
        a = claims.normalize("date", "2016-11-20")
        b = claims.normalize("time", "2:07 PM Nov 20 2016")
        self.assertIs(a.compare(a).relation, Relation.EQUAL)
        self.assertEqual(claims.compare(None, a, a).relation, Relation.EQUAL)
        self.assertEqual(claims.compare("date", a, "Nov. 20, 2016").relation, Relation.EQUAL)
        self.assertIsInstance(a.compare(b).relation, Relation)
        with self.assertRaises(TypeError):
            claims.compare(None, a, "2016-11-20")
        with self.assertRaises(TypeError):
            a.compare("2016-11-20")  # type: ignore[arg-type]

    def test_jaro(self) -> None:
        self.assertAlmostEqual(claims.jaro("MARTHA", "MARHTA"), 0.9444, places=4)
        self.assertAlmostEqual(claims.jaro_winkler("MARTHA", "MARHTA"), 0.9611, places=4)
        self.assertEqual(claims.jaro("same", "same"), 1.0)
        with self.assertRaises(claims.EncodingError):
            claims.jaro(b"\xff", "x")  # type: ignore[arg-type]
        with self.assertRaises(claims.EncodingError):
            claims.jaro_winkler("x", "\udc80")  # a lone surrogate is not UTF-8
        self.assertEqual(claims.jaro("", "x"), 0.0)


class ContextTest(unittest.TestCase):
    def test_schema(self) -> None:
        with claims.Context() as ctx:
            self.assertIn("date", ctx)
            self.assertNotIn("no-such-attribute", ctx)
            with self.assertRaises(claims.NotFoundError):
                ctx.attribute("no-such-attribute")
            ctx.set_attribute("mood", "text", cardinality="set", identifying=1)
            mood = ctx.attribute("mood")
            self.assertEqual(mood, claims.AttributeDef("mood", Type.TEXT,
                                                       claims.Cardinality.SET, 1,
                                                       match=(3.0, 2.0, -3.0, 0.0)))
            ctx.set_attribute("flag", "text", identifying=2, match=(8, 4, -1))
            self.assertEqual(ctx.attribute("flag").match, (8.0, 4.0, -1.0, 0.0))
            with self.assertRaises(claims.InvalidArgumentError):
                ctx.set_attribute("flag", "text", identifying=1, match=(1, 2, -1))
            self.assertEqual(ctx.match_threshold, 5.0)
            ctx.match_threshold = 7.5
            self.assertEqual(ctx.match_threshold, 7.5)
            ctx.match_threshold = 0
            self.assertEqual(ctx.match_threshold, 5.0)
            with self.assertRaises(claims.InvalidArgumentError):
                ctx.match_threshold = -1
            ctx.load_schema({"attributes": {"crowd": {
                "type": "number", "cardinality": "single", "tolerance": 0.1}}})
            crowd = ctx.attribute("crowd")
            self.assertIs(crowd.type, Type.NUMBER)
            self.assertAlmostEqual(crowd.tolerance, 0.1)
            with tempfile.TemporaryDirectory() as tmp:
                path = os.path.join(tmp, "schema.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump({"attributes": {"venue": {"type": "place"}}}, f)
                import pathlib
                ctx.load_schema(pathlib.Path(path))
            self.assertIs(ctx.attribute("venue").type, Type.PLACE)
        self.assertTrue(ctx.closed)
        with self.assertRaisesRegex(ValueError, "closed Context"):
            ctx.attribute("date")

    def test_schema_errors_carry_the_name(self) -> None:
        ctx = claims.Context()
        with self.assertRaises(claims.SchemaError) as cm:
            ctx.load_schema('{"attributes": {"x": {"type": "bogus"}}}', name="my-schema.json")
        self.assertEqual(cm.exception.source, "my-schema.json")
        self.assertIn("my-schema.json", str(cm.exception))
        self.assertIn("/attributes/x/type: unknown value type", str(cm.exception))
        with self.assertRaises(claims.ParseError) as cm2:
            ctx.load_schema("{not json", name="broken.json")
        self.assertEqual(cm2.exception.line, 1)
        self.assertEqual(cm2.exception.column, 4)  # jansson: the end of the bad token "not"
        ctx.close()
        ctx.close()

    def test_aliases(self) -> None:
        if not claims._ffi.has("claims_ctx_add_alias"):
            self.skipTest("this libclaims has no alias functions")
        plain = claims.normalize("topic", "Zorblax pact")
        with claims.Context() as ctx:
            ctx.add_alias("topic", "Minsk agreements", "Zorblax pact")
            ctx.load_aliases({"place": {"Lima, Peru": ["Ciudad de los Reyes"]}})
            topic = ctx.normalize("topic", "Zorblax pact")
            canonical = ctx.normalize("topic", "Minsk agreements")
            self.assertNotEqual(topic.normalized, plain.normalized)
            self.assertEqual(topic.normalized, canonical.normalized)
            self.assertIs(ctx.compare("place", "Ciudad de los Reyes", "Lima, Peru").relation,
                          Relation.EQUAL)
            with self.assertRaises(claims.ClaimsError):
                ctx.load_aliases("[1, 2", name="aliases.json")


if __name__ == "__main__":
    unittest.main()
