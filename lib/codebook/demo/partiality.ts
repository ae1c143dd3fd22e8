/** Demo aspect 3, multi-directed partiality: 15 positive and 2 negative behaviours. */
import { aspect, DIMENSIONS } from './build';

export const multiDirectedPartiality = aspect(['Multi-directed partiality', 'Meerzijdige partijdigheid'], [
  {
    behaviours: [
      {
        code: 'MP-L1', polarity: '+',
        label: ['Is sensitive and responsive to each member', 'Is sensitief en responsief naar ieder gezinslid'],
        definition: [
          'The worker notices the signals of each family member, spoken and unspoken, and responds to them.',
          'De hulpverlener merkt de signalen van ieder gezinslid op, verbaal en non-verbaal, en reageert erop.',
        ],
      },
      {
        code: 'MP-L2', polarity: '+',
        label: ["Explores every member's perspective", 'Verkent het perspectief van elk gezinslid'],
        definition: [
          'The worker asks each member present how they see the matter at hand.',
          'De hulpverlener vraagt elk aanwezig gezinslid hoe hij of zij tegen de kwestie aankijkt.',
        ],
        include: ['Asking a young child through play or drawing.', 'Een jong kind via spel of tekenen bevragen.'],
      },
      {
        code: 'MP-L3', polarity: '+',
        label: ['Gets the dialogue between members going', 'Brengt de dialoog tussen gezinsleden op gang'],
        definition: [
          'The worker gets family members to talk to each other rather than only to the worker.',
          'De hulpverlener zorgt dat gezinsleden met elkaar praten in plaats van alleen met de hulpverlener.',
        ],
        examples: [[
          '“Could you tell your father directly what you just told me?”',
          '‘Kun je wat je mij net vertelde rechtstreeks tegen je vader zeggen?’',
        ]],
      },
      {
        code: 'MP-L4', polarity: '+',
        label: ["Takes the family's history into account", 'Houdt rekening met de geschiedenis van het gezin'],
        definition: [
          'The worker links present behaviour or relationships to earlier events or generations in the family.',
          'De hulpverlener verbindt huidig gedrag of huidige verhoudingen met eerdere gebeurtenissen of generaties in het gezin.',
        ],
      },
      {
        code: 'MP-L5', polarity: '+',
        label: ['Acknowledges feelings', 'Erkent gevoelens'],
        definition: [
          'The worker names and accepts a feeling that a family member expresses, without judging it.',
          'De hulpverlener benoemt en aanvaardt een gevoel dat een gezinslid uit, zonder er een oordeel over te geven.',
        ],
      },
      {
        code: 'MP-L6', polarity: '-',
        label: ['Shows a visibly closer alliance with one member', 'Laat een zichtbaar sterkere band met één gezinslid zien'],
        definition: [
          'The worker sides with, addresses or attends to one member noticeably more than the others, so that the others may feel left out.',
          'De hulpverlener kiest partij voor, richt zich op of besteedt aandacht aan één gezinslid duidelijk meer dan aan de anderen, zodat die zich buitengesloten kunnen voelen.',
        ],
        exclude: [
          'Giving one member more time because the talk is about them right now, while keeping the others involved.',
          'Eén gezinslid meer tijd geven omdat het gesprek nu over hem of haar gaat, terwijl de anderen betrokken blijven.',
        ],
      },
    ],
  },
  {
    dimension: DIMENSIONS.engagement,
    behaviours: [
      {
        code: 'MP-E1', polarity: '+',
        label: ['Involves silent members', 'Betrekt stille gezinsleden'],
        definition: ['The worker invites a member who has said little to join in.', 'De hulpverlener nodigt een gezinslid dat weinig heeft gezegd uit om mee te doen.'],
        examples: [['“We haven’t heard from you yet, Sam. What do you think?”', '‘We hebben jou nog niet gehoord, Sam. Wat vind jij?’']],
      },
    ],
  },
  {
    dimension: DIMENSIONS.safety,
    behaviours: [
      {
        code: 'MP-S1', polarity: '+',
        label: ['Helps members speak honestly', 'Helpt gezinsleden eerlijk te spreken'],
        definition: [
          'The worker makes it safe to say difficult things, for instance by inviting honesty or by shielding the speaker from immediate reactions.',
          'De hulpverlener maakt het veilig om moeilijke dingen te zeggen, bijvoorbeeld door eerlijkheid uit te nodigen of de spreker te beschermen tegen directe reacties.',
        ],
      },
      {
        code: 'MP-S2', polarity: '+',
        label: ['Limits open hostility between members', 'Begrenst openlijke vijandigheid tussen gezinsleden'],
        definition: [
          'When members attack or insult each other, the worker steps in to stop or calm it.',
          'Wanneer gezinsleden elkaar aanvallen of beledigen, grijpt de hulpverlener in om dat te stoppen of te kalmeren.',
        ],
      },
      {
        code: 'MP-S3', polarity: '+',
        label: ['Protects one member from another', 'Beschermt een gezinslid tegen een ander'],
        definition: [
          'The worker stands up for a member who is blamed, criticised or pressured by another member.',
          'De hulpverlener komt op voor een gezinslid dat door een ander gezinslid beschuldigd, bekritiseerd of onder druk gezet wordt.',
        ],
      },
    ],
  },
  {
    dimension: DIMENSIONS.sharedPurpose,
    behaviours: [
      {
        code: 'MP-SP1', polarity: '+',
        label: ['Encourages compromise', 'Moedigt aan tot een compromis'],
        definition: ['The worker invites members to meet each other halfway.', 'De hulpverlener nodigt gezinsleden uit elkaar tegemoet te komen.'],
      },
      {
        code: 'MP-SP2', polarity: '+',
        label: ["Encourages members to ask each other's views", 'Moedigt gezinsleden aan naar elkaars mening te vragen'],
        definition: [
          'The worker prompts one member to ask another what they think or feel.',
          'De hulpverlener spoort een gezinslid aan een ander gezinslid te vragen wat die denkt of voelt.',
        ],
      },
      {
        code: 'MP-SP3', polarity: '+',
        label: ["Praises respect for each other's views", 'Prijst respect voor elkaars standpunt'],
        definition: [
          "The worker compliments members when they listen to or accept each other's point of view.",
          'De hulpverlener geeft gezinsleden een compliment wanneer ze naar elkaars standpunt luisteren of het aanvaarden.',
        ],
      },
      {
        code: 'MP-SP4', polarity: '+',
        label: ['Stresses what members have in common', 'Benadrukt wat gezinsleden gemeen hebben'],
        definition: [
          "The worker points out common ground in members' views, wishes or goals.",
          'De hulpverlener wijst op overeenkomsten in de standpunten, wensen of doelen van gezinsleden.',
        ],
        examples: [[
          '“You both want Lisa to feel safe at home; you differ on how.”',
          '‘Jullie willen allebei dat Lisa zich thuis veilig voelt; jullie verschillen over het hoe.’',
        ]],
      },
      {
        code: 'MP-SP5', polarity: '+',
        label: ['Points to shared values, experiences or feelings', 'Wijst op gedeelde waarden, ervaringen of gevoelens'],
        definition: [
          'The worker draws attention to values, experiences or feelings that members share.',
          'De hulpverlener vestigt de aandacht op waarden, ervaringen of gevoelens die gezinsleden delen.',
        ],
        exclude: ['Common ground about goals or solutions (see MP-SP4).', 'Overeenkomsten over doelen of oplossingen (zie MP-SP4).'],
      },
      {
        code: 'MP-SP6', polarity: '+',
        label: ['Encourages members to care for each other', 'Moedigt gezinsleden aan voor elkaar te zorgen'],
        definition: [
          'The worker invites members to show care, support or appreciation for each other.',
          'De hulpverlener nodigt gezinsleden uit zorg, steun of waardering voor elkaar te tonen.',
        ],
      },
      {
        code: 'MP-SP7', polarity: '-',
        label: ["Addresses one member's concerns while ignoring another's", 'Gaat in op de zorgen van één gezinslid en negeert die van een ander'],
        definition: [
          'Two members raise a concern; the worker takes up one and passes over the other.',
          'Twee gezinsleden brengen een zorg in; de hulpverlener gaat op de ene in en gaat aan de andere voorbij.',
        ],
      },
    ],
  },
]);
