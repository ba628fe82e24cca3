import { parseBands } from "../../../src/core/scoring/form-bands";
import { NATIONAL } from "../../../src/core/scoring/profiles/national";

const mins = (text: string): string | undefined => parseBands(text, NATIONAL)?.map((b) => `${b.grade}${b.min}`).join(",");

describe("grade bands written on a form", () => {
  test.each([
    ["评价等级：85分（含）以上为优，75（含）-85分为良，60（含）-75分为中，60分以下为差", "优85,良75,中60,差0"],
    ["等次按90分（含）以上为优秀、80（含）—90分为良好、60（含）—80分为中、60分以下为差确定。", "优90,良80,中60,差0"],
    ["自评结果按优（90分及以上）、良（80—90分）、中（60—80分）、差（60分以下）填列。", "优90,良80,中60,差0"],
    ["90分（含）以上为“优”，80（含）—90分为“良”，60（含）—80分为“中”，60分以下为“差”", "优90,良80,中60,差0"],
    ["85分以上为优秀，70-85分为良好，60-70分为一般，60分以下为较差", "优85,良70,中60,差0"],
  ])("%s", (text, expected) => expect(mins(text)).toBe(expected));

  test.each([
    ["预算执行率90%以上的得满分"],
    ["90分以上为优"], // one band is no statement of the bands
    ["80分以上为优，90分以上为良，60分以下为差"], // thresholds not falling as the grade falls
  ])("not a statement of bands: %s", (text) => expect(parseBands(text, NATIONAL)).toBeUndefined());
});
