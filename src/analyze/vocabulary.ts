// Word lists shared by the name, role and event rules. Lowercase; compared lowercased.

const words = (text: string): Set<string> => new Set(text.trim().split(/\s+/));

/** Nouns that make a phrase a role ("White House spokeswoman", "Secretary of State"). */
export const ROLE_NOUNS = words(`
  secretary minister president spokeswoman spokesman spokesperson chancellor director chief head leader
  ambassador envoy senator governor mayor ceo chairman chairwoman chair chairperson professor analyst official
  adviser advisor general commander counterpart premier king queen prince princess pope judge lawyer attorney
  prosecutor representative congressman congresswoman lawmaker undersecretary economist researcher scientist
  expert founder owner coach manager captain player striker editor correspondent reporter author writer
  candidate nominee commissioner inspector officer secretary-general negotiator diplomat strategist fellow dean
  rector principal teacher doctor physician nurse mp mep sheriff executive vice-president cfo coo cto
  president-elect aide delegate activist campaigner organizer organiser historian journalist partner speaker
  deputy vice-chancellor superintendent marshal admiral colonel lieutenant sergeant major emir sheikh
  monarch czar tsar dictator whip treasurer comptroller auditor ombudsman chancellor-elect minister-president
  spokespeople spokesmen representatives ministers officials leaders councilmember councilwoman councilman
  councillor councilor barrister solicitor seed champion specialist daughter son wife husband mother father
  widow brother sister resident residents owner worker student physicist chemist engineer pilot astronaut
  midfielder defender goalkeeper forward winger runner athlete organiser chairs member members trustee
  spokesperson prosecutors lawyers conductor composer coordinator advocate fisherman fishermen farmer curator
  volunteer survivor consultant surgeon paramedic firefighter soldier veteran pensioner retiree landlord tenant
  master lecturer homeowner shareholder driver trader vendor priest bishop imam rabbi pastor singer actor actress producer
  designer architect miner shopkeeper mechanic investigator administrator supervisor planner chef
  grower rancher breeder beekeeper winemaker baker butcher operator employee clerk cashier waiter waitress
  electrician plumber carpenter welder labourer laborer cleaner janitor docker dockworker
  local passenger commuter fan supporter voter villager shopper protester demonstrator onlooker spectator
  bystander juror witness neighbour neighbor customer traveller traveler motorist rider patient parent
  frontman frontwoman bassist guitarist drummer vocalist rapper keyboardist songwriter
  skipper boss batter batsman bowler all-rounder opener wicketkeeper keeper left-hander right-hander
  jockey trainer boxer cyclist swimmer sprinter golfer referee umpire
  archbishop cardinal counsel justice justices cofounder cofounders legislator assemblyman assemblywoman
`);

/** Words that qualify a role without being one ("Deputy", "Foreign", "press"). */
export const ROLE_MODIFIERS = words(`
  deputy former foreign vice chief senior press prime general top interim acting executive national security
  defense defence finance interior health economy economic trade state under assistant associate principal
  federal regional local special first lead managing white house affairs communications public junior
  financial operating technology technical information marketing medical legal commercial investment
`);

/** Capitalized words that never belong to a person's name. */
export const NON_NAME_WORDS = words(`
  the a an this that these those his her their its our my your and or but if when while after before since
  as at in on of for from to by with without about against between into over under during until upon via
  he she it they we i you there here then than also still yet so now today yesterday tomorrow meanwhile
  however although though besides because according said says added told asked noted stressed explained
  warned read more related see share follow spread photo image credit getty images afp reuters ap
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  united states kingdom nations union republic house council organization organisation ministry department
  office party parliament senate congress assembly committee commission agency court bank university
  college school institute foundation group company corporation inc corp ltd times post news press
  army force forces navy police government administration cabinet state federal national international
  european world global north south east west central new old saint san santa los las el la le tel
  st mr mrs ms dr prof sir lord lady dame rev gen col capt lt sgt
  russian german american british french chinese ukrainian european italian spanish polish japanese korean
  indian israeli palestinian iranian turkish syrian iraqi afghan canadian mexican brazilian australian
  us usa uk eu un nato osce who imf g7 g20 covid
  minister president secretary spokeswoman spokesman spokesperson chancellor director chief head leader
  ambassador envoy senator governor mayor chairman chairwoman professor general commander premier king
  queen prince princess pope judge deputy foreign vice prime under assistant justice defense defence
  finance interior health affairs security white diplomacy diplomat
  airport station street road avenue square bridge river sea ocean lake mountain island islands
  summit conference meeting talks forum cup league championship games olympics festival
  north-east south-east north-west south-west
  radio tv television center centre markets market securities capital management systems technologies
  technology airways airlines air resources holdings partners fund funds energy motors media network club
  fc athletic rovers city town county district province region hospital clinic stadium arena park hotel
  open classic cup series tour wire daily journal herald tribune gazette telegraph guardian
  association federation society alliance coalition institute centre council board authority service
  services commission review station district court tribunal prison church cathedral museum library
  councilmember councilwoman councilman attorney barrister solicitor professor seed
  mount space aerospace command elementary academy primary secondary labs laboratories laboratory robotics
  dynamics industries solutions software pharmaceuticals pharma therapeutics biologics biotech logistics
  ventures bureau division directorate mining steel oil gas shipping insurance foods brewing brewery
  line session survey programme program staff test tests rail railway railways complex crew editorial
  plus democrats republicans socialists conservatives liberals greens party
  aviation transport transportation education agriculture tourism environment housing fisheries
  infrastructure industry commerce employment welfare labour labor culture sport sports youth
  immigration treasury
`);

/** Nouns that make a capitalized name an institution ("Centre for ...", "... Education Association"). */
export const INSTITUTION_WORDS = words(`
  centre center institute department ministry office council commission agency bureau board authority
  society association federation foundation school college university academy museum fund organisation
  organization union league committee service administration secretariat court tribunal
`);

/**
 * Honorifics written before a name and no part of it ("Dr", "Datuk Seri", "Smt", "Shri"). "Sri" and
 * "Tan" only count before two more names, since they begin names too ("Sri Lanka", "Tan Wei").
 */
export const HONORIFIC_WORDS = words(`
  mr mrs ms mx dr prof professor sir dame lord lady rev reverend hon datuk dato datin seri tun tunku tan
  sri smt shri shrimati sheikh haji hajjah alhaji pehin dasho
  rep sen gov cllr ayatollah hojatoleslam
`);

/** Name particles that may sit between the capitalized parts of a name. */
export const NAME_PARTICLES = words(
  'de van von der den da di du del della la le bin al ibn el dos das ter ten',
);

/** Verbs that attribute a quote to its speaker. */
export const SPEECH_VERBS = words(`
  said says say told tells added adds stressed stresses explained explains noted notes insisted insists
  warned warns declared declares stated asked asks replied replies answered answers wrote writes
  tweeted tweets argued argues continued continues recalled recalls acknowledged acknowledges admitted admits
  announced announces claimed claims commented comments concluded concludes confirmed confirms emphasized
  emphasizes emphasised emphasises highlighted highlights indicated indicates maintained maintains observed
  observes remarked remarks reiterated reiterates responded responds revealed reveals suggested suggests
  urged urges underlined underlines underscored underscores assured assures affirmed affirms promised
  promises predicted predicts cautioned cautions complained complains conceded concedes countered counters
  demanded demands joked jokes lamented laments pledged pledges posted vowed vows boasted boasts
  shouted shouts whispered whispers exclaimed exclaims agreed agrees 
  cried cries pointed clarified clarifies specified specifies detailed estimated
  estimates mentioned mentions denounced denounces criticized criticised criticizes condemned condemns saying adding described describes telling
  read reads directed directs ordered orders
`);
