import { describe, expect, it } from 'vitest';
import { findHouse, isHouseBusiness } from '../../src/analyze/houses.ts';
import { findPlace } from '../../src/analyze/places.ts';
import { placesOf } from './analyze-body.ts';

// Place classes of issue 13, round seven, in texts of our own writing: each is a form news uses to say
// where an occasion happens that the rules read as no place, or as the wrong one.

describe('a house of a legislature as the place of its own business', () => {
  it('places what is put before a house there ("present the review to Parliament on Thursday")', () => {
    expect(placesOf('The minister will present the spending review to Parliament on Thursday.')).toEqual([
      'Parliament',
    ]);
    expect(placesOf('The treaty goes before the Bundestag on May 12 for ratification.')).toEqual([
      'Bundestag',
    ]);
  });

  it('places the debates, readings and motions dated later in the house the story named', () => {
    const body =
      'The fisheries bill returns to the House of Commons next week, ministers said.\n\n' +
      'Its third reading is scheduled for May 13.\n\n' +
      'Opposition MPs have tabled a motion on quotas, which will be debated on May 14.';
    expect(placesOf(body)).toEqual(['House of Commons', 'House of Commons']);
    const rada =
      'The draft was sent back to the Verkhovna Rada on Monday.\n\nThe plenary sitting on the draft opens on May 6.';
    expect(placesOf(rada)).toEqual(['Verkhovna Rada']);
  });

  it('reads no place for a house that acts, is elected, or does not sit', () => {
    expect(findHouse('The full Senate will hold its budget vote on Thursday.')).toBe(null);
    expect(findHouse('Voters elect 165 members to the House of Representatives on May 20.')).toBe(null);
    expect(findHouse('She won a seat in Parliament in 2019.')).toBe(null);
    expect(isHouseBusiness('Lawmakers will go on vacation from May 23, after a vote this week.')).toBe(false);
    expect(
      placesOf('The budget went to Parliament last month.\n\nMPs break for the summer recess on July 22.'),
    ).toEqual([null]);
  });

  it('takes no house from a photo caption', () => {
    const body =
      'The Speaker addresses members at Parliament, Valletta, on March 2, 2026. ― Picture by Jane Roe\n\n' +
      'The sitting on the new rules is scheduled for May 19.';
    expect(placesOf(body)).toEqual([null]);
  });
});

describe('a venue with an epithet before its name', () => {
  it('reads the venue past a compound epithet ("at the army-owned Air Defence stadium")', () => {
    expect(findPlace('The derby will be played on May 9 at the army-owned Air Defence stadium.')).toBe(
      'Air Defence stadium',
    );
    expect(findPlace('The final is at the newly built Kasarani Stadium on May 3.')).toBe('Kasarani Stadium');
    expect(findPlace('The test is at the 60,000-capacity National Stadium in Kallang on May 3.')).toBe(
      'National Stadium, Kallang',
    );
  });

  it('still reads no place in an epithet before a body ("at the state-run ministry")', () => {
    expect(findPlace('The hearing is on May 3 at the state-run Ministry of Works.')).toBe(null);
  });
});

describe('a list of places with bracketed date ranges', () => {
  it('gives each range of a "Place (range)" list its own place', () => {
    expect(
      placesOf('The team plays Tests in Galle (May 16-20), Kandy (May 24-28) and Colombo (3-7 June).'),
    ).toEqual(['Galle', 'Kandy', 'Colombo']);
  });
});

describe('two names that share one plural venue noun', () => {
  it('reads "the Glenfield and Swanson depots" as one place, not a list of two', () => {
    expect(
      findPlace('There will be no services from the Hillcrest and Oakdale depots from 4am tomorrow.'),
    ).toBe('Hillcrest and Oakdale depots');
    expect(findPlace('All flights to and from Lyon and Nice airports are cancelled today.')).toBe(
      'Lyon and Nice airports',
    );
  });

  it('still reads two places joined by "and" without a shared noun as none of the event\'s own', () => {
    expect(findPlace('Matches will be played in Leeds and Bristol on May 3.')).toBe(null);
  });
});

describe('a venue named by common nouns alone', () => {
  it('places an occasion "in the media briefing room" or "at the old town hall" when no name is given', () => {
    expect(findPlace('The squad will be named in the media briefing room on Friday.')).toBe(
      'media briefing room',
    );
    expect(findPlace('Residents meet at the old town hall on May 9.')).toBe('old town hall');
  });

  it('prefers a name, and reads no venue noun without a word before it', () => {
    expect(findPlace('A hearing opens at the community hall in Eldoret on May 9.')).toBe('Eldoret');
    expect(findPlace('The count resumes in the hall on May 9.')).toBe(null);
  });
});
