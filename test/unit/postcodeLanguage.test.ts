// The language of a Swiss postcode's region, over real places: the proposal for a debtor's language.
import * as assert from 'node:assert/strict';
import { postcodeCountry, postcodeLanguage, regionalLanguage } from '../../src/shared/postcodeLanguage';

describe("a postcode's language", () => {
  it('is the language of the region, for places in each part of Switzerland and in Liechtenstein', () => {
    for (const [zip, place, language] of [
      ['1003', 'Lausanne', 'fr'],
      ['1201', 'Genève', 'fr'],
      ['1950', 'Sion', 'fr'],
      ['3960', 'Sierre', 'fr'],
      ['2000', 'Neuchâtel', 'fr'],
      ['2800', 'Delémont', 'fr'],
      ['2740', 'Moutier', 'fr'],
      ['2520', 'La Neuveville', 'fr'],
      ['8001', 'Zürich', 'de'],
      ['3011', 'Bern', 'de'],
      ['3900', 'Brig', 'de'],
      ['3970', 'Salgesch', 'de'],
      ['4051', 'Basel', 'de'],
      ['7000', 'Chur', 'de'],
      ['1712', 'Tafers', 'de'],
      ['2540', 'Grenchen', 'de'],
      ['9490', 'Vaduz (Liechtenstein)', 'de'],
      ['6900', 'Lugano', 'it'],
      ['6500', 'Bellinzona', 'it'],
      ['6600', 'Locarno', 'it'],
      ['6563', 'Mesocco', 'it'],
      ['7605', 'Stampa (Bregaglia)', 'it'],
      ['7742', 'Poschiavo', 'it'],
      ['6685', 'Bosco/Gurin', 'de'],
    ] as const) {
      assert.deepEqual(postcodeLanguage(zip), { kind: 'one', language }, `${zip} ${place}`);
    }
  });

  it('names the bilingual places, the majority’s language first', () => {
    assert.deepEqual(postcodeLanguage('2502'), { kind: 'bilingual', languages: ['de', 'fr'], place: 'Biel/Bienne' });
    assert.deepEqual(postcodeLanguage('1700'), { kind: 'bilingual', languages: ['fr', 'de'], place: 'Fribourg/Freiburg' });
    assert.deepEqual(postcodeLanguage('3280'), { kind: 'bilingual', languages: ['de', 'fr'], place: 'Murten/Morat' });
  });

  it('reads CH- before the postcode; knows no postcode abroad', () => {
    assert.deepEqual(postcodeLanguage('CH-6900'), { kind: 'one', language: 'it' });
    for (const zip of ['75001', 'D-79539', '0999', '', 'Lausanne']) assert.equal(postcodeLanguage(zip), undefined, zip);
  });

  it('when nobody chose a language: the region’s, a bilingual place’s majority’s, else German', () => {
    assert.equal(regionalLanguage('6900'), 'it');
    assert.equal(regionalLanguage('1700'), 'fr');
    assert.equal(regionalLanguage('2502'), 'de');
    assert.equal(regionalLanguage('75001'), 'de');
    assert.equal(regionalLanguage(undefined), 'de');
  });

  it("knows a Swiss postcode: four digits from 1000 to 9999, without Liechtenstein's 9485–9498", () => {
    for (const zip of ['1000', '1003', '3000', '6900', '9484', '9499', '9999']) assert.equal(postcodeCountry(zip), 'CH', zip);
    for (const zip of ['9485', '9490', '9494', '9498']) assert.equal(postcodeCountry(zip), 'LI', zip);
    for (const zip of ['0999', '999', '10000', '75001', 'D-79539', 'CH-1003', ' 1003', '1003 ', '', 'Lausanne', '１００３'])
      assert.equal(postcodeCountry(zip), undefined, JSON.stringify(zip));
  });
});
