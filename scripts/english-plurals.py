#!/usr/bin/env python3
"""Fills the English plural forms in translations/tessera_en.ts.

Source strings mark plurals the Qt way, "%n second(s)"; English needs "1 second" and "2 seconds". This turns
every "word(s)" into the singular and the plural form. Run it after `cmake --build --preset dev --target
update_translations`; it only touches entries whose plural forms are missing or unfinished.
"""
import re
import sys
import xml.etree.ElementTree as ET

PATH = sys.argv[1] if len(sys.argv) > 1 else "translations/tessera_en.ts"


def forms(source: str) -> tuple[str, str]:
    singular = re.sub(r"(\w+)\(s\)", r"\1", source)
    plural = re.sub(r"(\w+)\(s\)", r"\1s", source)
    return singular, plural


tree = ET.parse(PATH)
changed = 0
for message in tree.getroot().iter("message"):
    if message.get("numerus") != "yes":
        continue
    translation = message.find("translation")
    existing = [f.text for f in translation.findall("numerusform")]
    if translation.get("type") != "unfinished" and all(existing) and len(existing) == 2:
        continue
    for form in list(translation):
        translation.remove(form)
    for text in forms(message.find("source").text):
        ET.SubElement(translation, "numerusform").text = text
    translation.attrib.pop("type", None)
    changed += 1

tree.write(PATH, encoding="utf-8", xml_declaration=True)
with open(PATH, encoding="utf-8") as f:
    content = f.read()
if "<!DOCTYPE TS>" not in content:
    content = content.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    with open(PATH, "w", encoding="utf-8") as f:
        f.write(content)
print(f"{PATH}: {changed} plural entries filled")
