import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analyze/summary.ts';

describe('summarize', () => {
  const paragraphs = [
    'The city council will vote on the budget on Tuesday, Mayor Ann Cole said on Friday.',
    'But not everyone agrees with the plan that was put forward by the mayor last month.',
    '“We will fight this budget line by line,” said councillor Tom Reyes.',
    'He said the vote could be close and that several members had not decided yet.',
    'The budget moves 12 million dollars from police overtime to housing for homeless residents.',
    'The budget moves 12 million dollars from police overtime to housing for homeless residents.',
  ];

  it('keeps article order, skips pronoun and "But" openers, quotes and repeats', () => {
    expect(summarize(paragraphs, 2)).toEqual([
      'The city council will vote on the budget on Tuesday, Mayor Ann Cole said on Friday.',
      'The budget moves 12 million dollars from police overtime to housing for homeless residents.',
    ]);
  });

  it('returns fewer sentences than asked when the article is short, and none when asked for none', () => {
    expect(summarize(['One short article sentence that says enough.'], 3)).toHaveLength(1);
    expect(summarize(paragraphs, 0)).toEqual([]);
  });

  it.each([
    ['Mar 3 (Reuters) - ', 'Portland’s port workers will strike next week, the union said.'],
    ['Chennai [India], March 3 (PTI): ', 'The High Court on Monday adjourned the hearing to April 2.'],
    ['Kampala — ', 'Uganda Airlines has opened a daily flight from Entebbe to Lagos.'],
    ['SPRINGFIELD − ', 'The county fair opens a week early this year to avoid the heat.'],
    ['PORT LOUIS, Mauritius -- ', 'The central bank held its key rate at 4.5 percent on Tuesday.'],
    ['(KNA) – ', 'The county assembly will sit again on Tuesday to vote on the budget.'],
    [
      '(Corrects spelling of minister’s name) HARARE, May 4 ',
      'The central bank held its rate at 12 percent.',
    ],
  ])('drops the dateline "%s" left on a story’s first sentence', (dateline, sentence) => {
    const body = [`${dateline}${sentence}`, 'The second sentence of the story says a little more about it.'];
    expect(summarize(body, 1)).toEqual([sentence]);
  });

  it('keeps a place and date in ordinary case that no dash sets off', () => {
    const first = 'Harare, May 4 The central bank held its rate at 12 percent, the governor said.';
    expect(summarize([first], 1)).toEqual([first]);
  });

  it('keeps a first sentence that only opens with a name and a dash of its own', () => {
    expect(
      summarize(['Tom Reyes — the councillor who led the fight — lost his seat on Sunday night.'], 1),
    ).toEqual(['Tom Reyes — the councillor who led the fight — lost his seat on Sunday night.']);
  });

  it('leaves out a photo caption that reads like a sentence', () => {
    const body = [
      'Finance Minister Ana Ruiz gestures during a news conference in Quito, Ecuador, March 2, 2024.',
      'Ecuador will sell new bonds to pay for its flood repairs, the finance ministry said on Monday.',
    ];
    expect(summarize(body, 1)).toEqual([
      'Ecuador will sell new bonds to pay for its flood repairs, the finance ministry said on Monday.',
    ]);
  });

  it('leaves out a caption block that places people in the picture, the whole paragraph of it', () => {
    const body = [
      'Party leader Joanna Kowal (second from left) will head the list, while Adam Nowak (right) will run the campaign. Senator Ewa Lis will join them in the south.',
      'WARSAW — The Civic Alliance named its candidates for the October 13 parliamentary election on Saturday.',
    ];
    expect(summarize(body, 3)).toEqual([
      'The Civic Alliance named its candidates for the October 13 parliamentary election on Saturday.',
    ]);
  });

  it.each([
    'Opposition leader Nana Addo Mensah casts his ballot at a polling station in Kumasi.',
    'Former trade minister Leila Haddad talks to reporters during a campaign stop in Sfax.',
    'Coach TAMSIN O’CONNOR of Harbour City speaks to her players after the final whistle at Eden Park.',
    'President Raul Mendes addresses supporters outside the electoral court in Maputo.',
  ])('leaves out a present-tense photo caption "%s"', (caption) => {
    const lede = 'The electoral commission will publish the final results of the vote on Thursday, it said.';
    expect(summarize([caption, lede], 1)).toEqual([lede]);
  });

  it('keeps a story sentence in the present tense whose subject is not a name before a photo verb', () => {
    const body = [
      'The overnight train from New York arrives in Montreal at 9 a.m. and returns the same evening from May.',
      'Tickets for the new service go on sale on Monday, the operator said.',
    ];
    expect(summarize(body, 1)).toEqual([body[0]]);
  });

  it('leaves out a caption that ends on the place and day of the photo, not a story sentence dated with "on"', () => {
    const body = [
      'A nurse carries supplies past tents set up outside the clinic in Dorrin, Valmark, Friday, June 7, 2024.',
      'Crowds wait at the border crossing near Tessel, Valmark, June 6, 2024.',
      'The health ministry will open three more field clinics in the flooded north, it said on Saturday.',
      'Vaccination teams will visit every village in the district on Monday, June 10, 2024.',
    ];
    expect(summarize(body, 3)).toEqual([
      'The health ministry will open three more field clinics in the flooded north, it said on Saturday.',
      'Vaccination teams will visit every village in the district on Monday, June 10, 2024.',
    ]);
  });

  it('leaves out speech that no one in its sentence says, and keeps a quote its sentence attributes by name', () => {
    const body = [
      'Bakers in the capital will close their shops on Friday in protest at flour prices, their guild said.',
      '“The price of flour has tripled and no baker can sell bread at a loss,” guild president Ilse Marr said.',
      '“Every bakery in the capital will close its doors on Friday over flour prices.”',
      '“We have no other choice,” she added.',
    ];
    expect(summarize(body, 3, 'Bakers close shops over flour prices')).toEqual([
      'Bakers in the capital will close their shops on Friday in protest at flour prices, their guild said.',
      '“The price of flour has tripled and no baker can sell bread at a loss,” guild president Ilse Marr said.',
    ]);
  });

  it('reads the sentences of a quote that an earlier sentence opened as speech, a wrong closing mark closing it', () => {
    const body = [
      'The port of Durrës will close for two days next week to dredge its main channel, the harbour master said.',
      '“The channel has silted up faster than we planned. Dredging the main channel of the port now avoids a longer closure in the summer.”',
      'Ships due in the port of Durrës next week will wait at anchor, the harbour master said.',
    ];
    expect(summarize(body, 3, 'Port of Durrës closes to dredge its channel')).toEqual([body[0], body[2]]);
    // “LSE“: inside a quote any mark closes it, so the sentence after it is not speech.
    const marks = [
      'The fund lists its shares on the “LSE“ exchange. The port of Durrës will sell a stake in the fund next year.',
    ];
    expect(summarize(marks, 3, 'Port of Durrës to sell fund stake')).toHaveLength(2);
  });

  it('leaves out a question, a subheading or the writer’s own turn, however much of the story it names', () => {
    const body = [
      'Nurses at the three public hospitals of Lyon will strike on Thursday over staffing, their union said.',
      'Why are the Lyon hospital nurses going on strike on Thursday?',
      'The union says each nurse now looks after twelve patients a night.',
    ];
    expect(summarize(body, 3, 'Lyon hospital nurses to strike on Thursday')).toEqual([body[0], body[2]]);
  });

  it('leaves out a sentence that points the reader to a link, and keeps a "here" of place', () => {
    const lede = 'The Andean trade ministers will meet in Lima on May 4 to sign the new customs pact.';
    for (const pointer of [
      'Watch the customs pact signing in Lima live here.',
      'The full text of the Andean customs pact can be found here.',
    ])
      expect(summarize([lede, pointer], 3, 'Andean customs pact signed in Lima')).toEqual([lede]);
    const place = 'The ministers last met to sign an Andean customs pact here in 2019.';
    expect(summarize([lede, place], 3, 'Andean customs pact signed in Lima')).toEqual([lede, place]);
  });

  it('takes a sentence that refers back to the lede once the lede is in the summary', () => {
    const body = [
      'The Baltic ferry union will strike on the Tallinn to Helsinki route on March 3, its leaders said.',
      'It says the ferry crews on the Tallinn route have had no pay rise for four years.',
      'Ferry tickets on the Tallinn route cost a fifth more than last spring.',
    ];
    const title = 'Baltic ferry union to strike on Tallinn route';
    expect(summarize(body, 2, title)).toEqual(body.slice(0, 2));
  });

  it('stops before a sentence that merely fits the length, when nothing the story points to does', () => {
    const story = [
      'The water board will replace the lead pipes of 4,000 homes in the old town from May, the board said.',
      'The work on the lead pipes begins on Mill Street and takes two years.',
      'Residents of the old town have asked for new pipes ever since tests at the primary school found lead in the drinking water in 2021, and many have bought filters at their own cost since then, while others have carried bottled water home from the shops every week.',
      'Shops near the market square will stay open while the street is dug up, with wooden walkways for customers and a temporary car park on the former bus station site behind the town hall, which the council will open to shoppers free of charge.',
      'Engineers from the board will knock on every door in the old town during April to explain when the water will be cut off, for how long, and where residents can fill containers on the days without supply.',
      'The national government pays half of the cost from a fund for old water networks that it set up after the 2021 tests, and the board pays the rest from the reserves it has built up over the past ten years.',
      'For more details, see our website.',
    ];
    expect(summarize(story, 3, 'Old town gets new water pipes')).toEqual(story.slice(0, 2));
  });
});
