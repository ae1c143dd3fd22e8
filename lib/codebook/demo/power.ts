/** Demo aspect 2, power as say and power as influence: 11 positive and 2 negative behaviours. */
import { aspect, DIMENSIONS } from './build';

export const powerAsSayAndInfluence = aspect(['Power as say and power as influence', 'Macht als zeggenschap en macht als invloed'], [
  {
    behaviours: [
      {
        code: 'PW-L1', polarity: '+',
        label: ['Works with the family as equals', 'Werkt gelijkwaardig samen met het gezin'],
        definition: [
          'The worker treats family members as partners: asks their view before giving their own, and decides with them rather than for them.',
          'De hulpverlener behandelt gezinsleden als partners: vraagt hun mening voordat hij de eigen mening geeft, en beslist met hen in plaats van voor hen.',
        ],
      },
      {
        code: 'PW-L2', polarity: '+',
        label: ["Uses both the family's experience and own expertise", 'Zet zowel de ervaringskennis van het gezin als de eigen deskundigheid in'],
        definition: [
          'The worker combines what the family knows from experience with professional knowledge, and says so.',
          'De hulpverlener combineert wat het gezin uit ervaring weet met vakkennis, en benoemt dat ook.',
        ],
        examples: [[
          '“You know your daughter best; from my work I know routines often help. How could we combine the two?”',
          '‘Jullie kennen je dochter het best; uit mijn werk weet ik dat vaste routines vaak helpen. Hoe kunnen we die twee combineren?’',
        ]],
      },
      {
        code: 'PW-L3', polarity: '+',
        label: ['Lets the family direct the process', 'Laat het gezin het proces sturen'],
        definition: [
          'The family decides the pace, the order of topics or the next step, and the worker follows.',
          'Het gezin bepaalt het tempo, de volgorde van de onderwerpen of de volgende stap, en de hulpverlener volgt.',
        ],
      },
      {
        code: 'PW-L4', polarity: '+',
        label: ['Is open and curious', 'Is open en nieuwsgierig'],
        definition: [
          'The worker asks open questions out of genuine curiosity, without steering towards an answer they already have in mind.',
          'De hulpverlener stelt open vragen uit oprechte nieuwsgierigheid, zonder te sturen naar een antwoord dat hij al in gedachten heeft.',
        ],
        exclude: ['Questions that already contain the answer (“Don’t you think that …?”).', 'Vragen waarin het antwoord al zit (‘Denk je niet dat …?’).'],
      },
      {
        code: 'PW-L5', polarity: '+',
        label: ["Strengthens the family's own resources", 'Versterkt de eigen kracht van het gezin'],
        definition: [
          'The worker points out or builds on what the family already does well, or on people around them who can help.',
          'De hulpverlener benoemt wat het gezin al goed doet of bouwt daarop voort, of op mensen in hun omgeving die kunnen helpen.',
        ],
      },
    ],
  },
  {
    dimension: DIMENSIONS.engagement,
    behaviours: [
      {
        code: 'PW-E1', polarity: '+',
        label: ['Asks what the family wants to talk about', 'Vraagt waarover het gezin wil praten'],
        definition: ['The worker asks the family to choose or add topics for this session.', 'De hulpverlener vraagt het gezin onderwerpen voor dit gesprek te kiezen of aan te vullen.'],
      },
      {
        code: 'PW-E2', polarity: '+',
        label: ['Invites the family to state their goals', 'Nodigt het gezin uit hun doelen te benoemen'],
        definition: [
          'The worker asks what the family wants to achieve, in this session or with the help as a whole.',
          'De hulpverlener vraagt wat het gezin wil bereiken, in dit gesprek of met de hulp als geheel.',
        ],
      },
      {
        code: 'PW-E3', polarity: '+',
        label: ['Asks the family to do a task in the session', 'Vraagt het gezin om in het gesprek een opdracht te doen'],
        definition: [
          'The worker asks family members to try something there and then: a role play, drawing a family tree, talking to each other.',
          'De hulpverlener vraagt gezinsleden ter plekke iets te proberen: een rollenspel, een stamboom tekenen, met elkaar in gesprek gaan.',
        ],
      },
      {
        code: 'PW-E4', polarity: '+',
        label: ['Asks whether they are willing to follow a suggestion or homework', 'Vraagt of ze bereid zijn een suggestie of huiswerk op te volgen'],
        definition: [
          'Before a suggestion or homework is settled, the worker checks whether the family wants to do it.',
          'Voordat een suggestie of huiswerk vastligt, gaat de hulpverlener na of het gezin dat wil doen.',
        ],
      },
      {
        code: 'PW-E5', polarity: '+',
        label: ['Asks about the effect of earlier homework', 'Vraagt naar het effect van eerder huiswerk'],
        definition: ['The worker asks how an earlier agreed task went and what it brought.', 'De hulpverlener vraagt hoe een eerder afgesproken opdracht ging en wat die opleverde.'],
      },
      {
        code: 'PW-E6', polarity: '+',
        label: ['Shows optimism about change', 'Toont optimisme over verandering'],
        definition: [
          "The worker expresses confidence that the family's situation can improve.",
          'De hulpverlener spreekt vertrouwen uit dat de situatie van het gezin kan verbeteren.',
        ],
        examples: [[
          '“I have seen you get through difficult weeks before; I’m confident you can do it again.”',
          '‘Ik heb jullie eerder moeilijke weken zien doorstaan; ik heb er vertrouwen in dat het weer lukt.’',
        ]],
      },
      {
        code: 'PW-E7', polarity: '-',
        label: ['Sets goals or tasks without asking the family', 'Legt doelen of opdrachten op zonder het gezin te vragen'],
        definition: [
          'The worker decides goals, tasks or homework for the family without asking for their view or agreement.',
          'De hulpverlener bepaalt doelen, opdrachten of huiswerk voor het gezin zonder naar hun mening of instemming te vragen.',
        ],
      },
      {
        code: 'PW-E8', polarity: '-',
        label: ['Argues about the nature or value of the help', 'Discussieert over de aard of het nut van de hulp'],
        definition: [
          'Worker and family member disagree, with rising tension, about whether the help is needed or useful, and the worker defends it instead of exploring the doubt.',
          'Hulpverlener en gezinslid zijn het met oplopende spanning oneens over de vraag of de hulp nodig of nuttig is, en de hulpverlener verdedigt de hulp in plaats van de twijfel te verkennen.',
        ],
        exclude: ['Calmly explaining what the help offers when asked.', 'Rustig uitleggen wat de hulp biedt als daarnaar gevraagd wordt.'],
      },
    ],
  },
]);
