/** Demo aspect 1, professional involvement: 10 positive and 4 negative behaviours. */
import { aspect, DIMENSIONS } from './build';

export const professionalInvolvement = aspect(['Professional involvement', 'Professionele betrokkenheid'], [
  {
    behaviours: [
      {
        code: 'PI-L1', polarity: '+', shortcut: 'w',
        label: ['Combines warmth with professional distance', 'Combineert warmte met professionele afstand'],
        definition: [
          "The worker is personally engaged and warm while keeping the conversation on the family's goals and on the worker's role.",
          'De hulpverlener is persoonlijk betrokken en warm, en houdt het gesprek tegelijk bij de doelen van het gezin en bij de eigen rol.',
        ],
        include: ['Returning to the agenda after a personal moment.', 'Na een persoonlijk moment terugkeren naar de agenda.'],
      },
      {
        code: 'PI-L2', polarity: '+', shortcut: 'r',
        label: ['Is clear about the limits of the role', 'Is duidelijk over de grenzen van de eigen rol'],
        definition: [
          'The worker says what they can and cannot do for the family, or what stays confidential.',
          'De hulpverlener zegt wat hij wel en niet voor het gezin kan doen, of wat vertrouwelijk blijft.',
        ],
        examples: [[
          '“I can’t decide that for you, but I can help you prepare for the meeting.”',
          '‘Dat kan ik niet voor jullie beslissen, maar ik kan jullie helpen het gesprek voor te bereiden.’',
        ]],
      },
      {
        code: 'PI-L3', polarity: '-', shortcut: 'd',
        label: ['Drifts too far toward closeness or toward distance', 'Schiet door naar te veel nabijheid of te veel afstand'],
        definition: [
          'The worker loses the balance: acts as a friend or ally of the family (too close), or stays formal, detached and procedural (too distant).',
          'De hulpverlener verliest het evenwicht: gedraagt zich als vriend of bondgenoot van het gezin (te dichtbij), of blijft formeel, afstandelijk en procedureel (te ver weg).',
        ],
        include: [
          'Taking sides in a family quarrel as a friend would; talking only about forms and procedures.',
          'Als een vriend partij kiezen in een gezinsruzie; alleen over formulieren en procedures praten.',
        ],
        exclude: ['A single warm or formal moment in an otherwise balanced talk.', 'Eén warm of formeel moment in een verder evenwichtig gesprek.'],
      },
    ],
  },
  {
    dimension: DIMENSIONS.emotionalConnection,
    behaviours: [
      {
        code: 'PI-EC1', polarity: '+', shortcut: 'j',
        label: ['Shares a light moment or a joke with the family', 'Deelt een luchtig moment of een grap met het gezin'],
        definition: [
          'The worker makes a joke, laughs along, or shares a light-hearted remark with one or more family members.',
          'De hulpverlener maakt een grap, lacht mee of maakt een luchtige opmerking met een of meer gezinsleden.',
        ],
        exclude: ['Laughing at a family member; sarcasm (see PI-EC9).', 'Een gezinslid uitlachen; sarcasme (zie PI-EC9).'],
        examples: [[
          'Jokes together about the morning chaos of getting everyone out of the door.',
          'Grapt samen over de ochtendchaos om iedereen op tijd de deur uit te krijgen.',
        ]],
      },
      {
        code: 'PI-EC2', polarity: '+', shortcut: 'i',
        label: ['Shows interest in the family beyond the topic at hand', 'Toont interesse in het gezin buiten het gespreksonderwerp'],
        definition: [
          "The worker asks about or responds to things in the family's life that are not on the agenda, such as hobbies, pets or a recent event.",
          "De hulpverlener vraagt naar of reageert op dingen uit het leven van het gezin die niet op de agenda staan, zoals hobby's, huisdieren of een recente gebeurtenis.",
        ],
        examples: [['“How did the football match go on Saturday?”', '‘Hoe ging de voetbalwedstrijd zaterdag?’']],
      },
      {
        code: 'PI-EC3', polarity: '+', shortcut: 'c',
        label: ['Offers appropriate care or touch', 'Biedt passende zorg of aanraking'],
        definition: [
          'The worker shows care through a fitting gesture: offering a tissue or a drink, a hand on the shoulder, checking that someone is all right.',
          'De hulpverlener toont zorg met een passend gebaar: een zakdoekje of iets te drinken aanbieden, een hand op de schouder, nagaan of het goed gaat met iemand.',
        ],
        exclude: ['Touch that the family member visibly does not want.', 'Aanraking die het gezinslid zichtbaar niet wil.'],
      },
      {
        code: 'PI-EC4', polarity: '+', shortcut: 'o',
        label: ['Tells something about their own life', 'Vertelt iets over het eigen leven'],
        definition: [
          'The worker shares a personal fact or experience (own family, holidays, own parenting) in a way that serves the contact.',
          'De hulpverlener deelt een persoonlijk feit of een eigen ervaring (eigen gezin, vakantie, eigen opvoeding) op een manier die het contact dient.',
        ],
        examples: [['“My own son refused to go to school for a while too.”', '‘Mijn eigen zoon wilde ook een tijd niet naar school.’']],
      },
      {
        code: 'PI-EC5', polarity: '+', shortcut: 'f',
        label: ['Reveals their own emotional reaction', 'Laat de eigen emotionele reactie zien'],
        definition: [
          'The worker names or shows what they feel about what the family tells (moved, glad, worried).',
          'De hulpverlener benoemt of toont wat hij voelt bij wat het gezin vertelt (geraakt, blij, bezorgd).',
        ],
        examples: [[
          '“It moves me to hear how hard you have worked on this.”',
          '‘Het raakt me om te horen hoe hard jullie hieraan gewerkt hebben.’',
        ]],
      },
      {
        code: 'PI-EC6', polarity: '+', shortcut: 'v',
        label: ['Notes shared values or experiences', 'Benoemt gedeelde waarden of ervaringen'],
        definition: [
          'The worker points out something the worker and the family have in common: a value, a background or an experience.',
          'De hulpverlener wijst op iets wat hij met het gezin gemeen heeft: een waarde, een achtergrond of een ervaring.',
        ],
      },
      {
        code: 'PI-EC7', polarity: '+', shortcut: 'e',
        label: ["Expresses empathy for the family's struggles", 'Toont begrip voor de moeilijkheden van het gezin'],
        definition: [
          'The worker puts into words that they understand how hard the situation is for the family or for one member.',
          'De hulpverlener verwoordt dat hij begrijpt hoe zwaar de situatie is voor het gezin of voor één gezinslid.',
        ],
        exclude: ['A routine “I see” that does not reflect the struggle.', 'Een routinematig ‘ik snap het’ zonder de moeite te benoemen.'],
      },
      {
        code: 'PI-EC8', polarity: '+', shortcut: 'n',
        label: ['Reassures or normalises', 'Stelt gerust of normaliseert'],
        definition: [
          "The worker reassures the family, or presents their reaction or problem as understandable and common.",
          'De hulpverlener stelt het gezin gerust, of brengt hun reactie of probleem als begrijpelijk en veelvoorkomend.',
        ],
        examples: [[
          '“Many parents feel exactly like this when their child becomes a teenager.”',
          '‘Veel ouders voelen precies dit als hun kind een puber wordt.’',
        ]],
      },
      {
        code: 'PI-EC9', polarity: '-', shortcut: 'h',
        label: ['Hostile, sarcastic or critical interaction', 'Vijandige, sarcastische of kritische interactie'],
        definition: [
          'The worker reacts with hostility, sarcasm or disapproval towards a family member.',
          'De hulpverlener reageert vijandig, sarcastisch of afkeurend naar een gezinslid.',
        ],
        include: ['Rolling the eyes; mockingly repeating what someone said.', 'Met de ogen rollen; iemand spottend nazeggen.'],
        exclude: ['Calmly naming a concern about behaviour.', 'Rustig een zorg over gedrag benoemen.'],
        examples: [['“Oh yes, because that worked so well last time.”', '‘O ja, want dat ging vorige keer zo goed.’']],
      },
      {
        code: 'PI-EC10', polarity: '-', shortcut: 'g',
        label: ["Does not respond to the family's interest in the worker", 'Gaat niet in op de interesse van het gezin in de hulpverlener'],
        definition: [
          'A family member asks the worker something personal or shows interest in them, and the worker ignores it or brushes it off without any answer.',
          'Een gezinslid vraagt de hulpverlener iets persoonlijks of toont interesse in hem, en de hulpverlener negeert dat of wuift het weg zonder enig antwoord.',
        ],
        exclude: ['Kindly declining to answer while acknowledging the question.', 'Vriendelijk geen antwoord geven en de vraag wel erkennen.'],
      },
    ],
  },
  {
    dimension: DIMENSIONS.safety,
    behaviours: [
      {
        code: 'PI-S1', polarity: '-', shortcut: 'u',
        label: ['Does not respond when a member shows vulnerability', 'Reageert niet wanneer een gezinslid zich kwetsbaar toont'],
        definition: [
          'A family member openly shows vulnerability (cries, admits fear or shame) and the worker carries on without acknowledging it.',
          'Een gezinslid toont zich openlijk kwetsbaar (huilt, geeft angst of schaamte toe) en de hulpverlener gaat verder zonder daarop in te gaan.',
        ],
      },
    ],
  },
]);
