""" Contains all the data models used in inputs/outputs """

from .accept_contract_response_200 import AcceptContractResponse200
from .accept_contract_response_200_data import AcceptContractResponse200Data
from .agent import Agent
from .agent_event import AgentEvent
from .chart import Chart
from .chart_transaction import ChartTransaction
from .construction import Construction
from .construction_material import ConstructionMaterial
from .contract import Contract
from .contract_deliver_good import ContractDeliverGood
from .contract_payment import ContractPayment
from .contract_terms import ContractTerms
from .cooldown import Cooldown
from .create_chart_response_201 import CreateChartResponse201
from .create_chart_response_201_data import CreateChartResponse201Data
from .create_ship_ship_scan_response_201 import CreateShipShipScanResponse201
from .create_ship_ship_scan_response_201_data import CreateShipShipScanResponse201Data
from .create_ship_system_scan_response_201 import CreateShipSystemScanResponse201
from .create_ship_system_scan_response_201_data import CreateShipSystemScanResponse201Data
from .create_ship_waypoint_scan_response_201 import CreateShipWaypointScanResponse201
from .create_ship_waypoint_scan_response_201_data import CreateShipWaypointScanResponse201Data
from .create_survey_response_201 import CreateSurveyResponse201
from .create_survey_response_201_data import CreateSurveyResponse201Data
from .deliver_contract_body import DeliverContractBody
from .deliver_contract_response_200 import DeliverContractResponse200
from .deliver_contract_response_200_data import DeliverContractResponse200Data
from .dock_ship_dock_ship_200_response import DockShipDockShip200Response
from .dock_ship_dock_ship_200_response_data import DockShipDockShip200ResponseData
from .extract_resources_response_201 import ExtractResourcesResponse201
from .extract_resources_response_201_data import ExtractResourcesResponse201Data
from .extract_resources_with_survey_body import ExtractResourcesWithSurveyBody
from .extract_resources_with_survey_response_201 import ExtractResourcesWithSurveyResponse201
from .extract_resources_with_survey_response_201_data import ExtractResourcesWithSurveyResponse201Data
from .extraction import Extraction
from .extraction_yield import ExtractionYield
from .faction import Faction
from .faction_trait import FactionTrait
from .fulfill_contract_response_200 import FulfillContractResponse200
from .fulfill_contract_response_200_data import FulfillContractResponse200Data
from .get_agent_response_200 import GetAgentResponse200
from .get_agents_response_200 import GetAgentsResponse200
from .get_construction_response_200 import GetConstructionResponse200
from .get_contract_response_200 import GetContractResponse200
from .get_contracts_response_200 import GetContractsResponse200
from .get_error_codes_response_200 import GetErrorCodesResponse200
from .get_error_codes_response_200_error_codes_item import GetErrorCodesResponse200ErrorCodesItem
from .get_faction_response_200 import GetFactionResponse200
from .get_factions_response_200 import GetFactionsResponse200
from .get_jump_gate_response_200 import GetJumpGateResponse200
from .get_market_response_200 import GetMarketResponse200
from .get_mounts_get_mounts_200_response import GetMountsGetMounts200Response
from .get_my_account_response_200 import GetMyAccountResponse200
from .get_my_account_response_200_data import GetMyAccountResponse200Data
from .get_my_account_response_200_data_account import GetMyAccountResponse200DataAccount
from .get_my_agent_events_response_200 import GetMyAgentEventsResponse200
from .get_my_agent_response_200 import GetMyAgentResponse200
from .get_my_factions_response_200 import GetMyFactionsResponse200
from .get_my_factions_response_200_data_item import GetMyFactionsResponse200DataItem
from .get_my_ship_cargo_response_200 import GetMyShipCargoResponse200
from .get_my_ship_response_200 import GetMyShipResponse200
from .get_my_ships_response_200 import GetMyShipsResponse200
from .get_repair_ship_response_200 import GetRepairShipResponse200
from .get_repair_ship_response_200_data import GetRepairShipResponse200Data
from .get_scrap_ship_response_200 import GetScrapShipResponse200
from .get_scrap_ship_response_200_data import GetScrapShipResponse200Data
from .get_ship_cooldown_response_200 import GetShipCooldownResponse200
from .get_ship_modules_response_200 import GetShipModulesResponse200
from .get_ship_nav_response_200 import GetShipNavResponse200
from .get_shipyard_response_200 import GetShipyardResponse200
from .get_status_response_200 import GetStatusResponse200
from .get_status_response_200_announcements_type_0_item import GetStatusResponse200AnnouncementsType0Item
from .get_status_response_200_health_type_0 import GetStatusResponse200HealthType0
from .get_status_response_200_leaderboards_type_0 import GetStatusResponse200LeaderboardsType0
from .get_status_response_200_leaderboards_type_0_most_credits_item import GetStatusResponse200LeaderboardsType0MostCreditsItem
from .get_status_response_200_leaderboards_type_0_most_submitted_charts_item import GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem
from .get_status_response_200_links_type_0_item import GetStatusResponse200LinksType0Item
from .get_status_response_200_server_resets_type_0 import GetStatusResponse200ServerResetsType0
from .get_status_response_200_stats_type_0 import GetStatusResponse200StatsType0
from .get_supply_chain_response_200 import GetSupplyChainResponse200
from .get_supply_chain_response_200_data import GetSupplyChainResponse200Data
from .get_supply_chain_response_200_data_export_to_import_map import GetSupplyChainResponse200DataExportToImportMap
from .get_system_response_200 import GetSystemResponse200
from .get_system_waypoints_response_200 import GetSystemWaypointsResponse200
from .get_systems_response_200 import GetSystemsResponse200
from .get_waypoint_response_200 import GetWaypointResponse200
from .install_mount_install_mount_201_response import InstallMountInstallMount201Response
from .install_mount_install_mount_201_response_data import InstallMountInstallMount201ResponseData
from .install_mount_install_mount_request import InstallMountInstallMountRequest
from .install_ship_module_body import InstallShipModuleBody
from .install_ship_module_response_201 import InstallShipModuleResponse201
from .install_ship_module_response_201_data import InstallShipModuleResponse201Data
from .jettison_body import JettisonBody
from .jettison_response_200 import JettisonResponse200
from .jettison_response_200_data import JettisonResponse200Data
from .jump_gate import JumpGate
from .jump_ship_body import JumpShipBody
from .jump_ship_response_200 import JumpShipResponse200
from .jump_ship_response_200_data import JumpShipResponse200Data
from .market import Market
from .market_trade_good import MarketTradeGood
from .market_transaction import MarketTransaction
from .meta import Meta
from .navigate_ship_body import NavigateShipBody
from .navigate_ship_response_200 import NavigateShipResponse200
from .navigate_ship_response_200_data import NavigateShipResponse200Data
from .negotiate_contract_negotiate_contract_201_response import NegotiateContractNegotiateContract201Response
from .negotiate_contract_negotiate_contract_201_response_data import NegotiateContractNegotiateContract201ResponseData
from .orbit_ship_orbit_ship_200_response import OrbitShipOrbitShip200Response
from .orbit_ship_orbit_ship_200_response_data import OrbitShipOrbitShip200ResponseData
from .patch_ship_nav_body import PatchShipNavBody
from .patch_ship_nav_response_200 import PatchShipNavResponse200
from .patch_ship_nav_response_200_data import PatchShipNavResponse200Data
from .public_agent import PublicAgent
from .purchase_cargo_purchase_cargo_201_response import PurchaseCargoPurchaseCargo201Response
from .purchase_cargo_purchase_cargo_201_response_data import PurchaseCargoPurchaseCargo201ResponseData
from .purchase_cargo_purchase_cargo_request import PurchaseCargoPurchaseCargoRequest
from .purchase_ship_body import PurchaseShipBody
from .purchase_ship_response_201 import PurchaseShipResponse201
from .purchase_ship_response_201_data import PurchaseShipResponse201Data
from .refuel_ship_body import RefuelShipBody
from .refuel_ship_response_200 import RefuelShipResponse200
from .refuel_ship_response_200_data import RefuelShipResponse200Data
from .register_body import RegisterBody
from .register_response_201 import RegisterResponse201
from .register_response_201_data import RegisterResponse201Data
from .remove_mount_remove_mount_201_response import RemoveMountRemoveMount201Response
from .remove_mount_remove_mount_201_response_data import RemoveMountRemoveMount201ResponseData
from .remove_mount_remove_mount_request import RemoveMountRemoveMountRequest
from .remove_ship_module_body import RemoveShipModuleBody
from .remove_ship_module_response_201 import RemoveShipModuleResponse201
from .remove_ship_module_response_201_data import RemoveShipModuleResponse201Data
from .repair_ship_response_200 import RepairShipResponse200
from .repair_ship_response_200_data import RepairShipResponse200Data
from .repair_transaction import RepairTransaction
from .scanned_ship import ScannedShip
from .scanned_ship_engine import ScannedShipEngine
from .scanned_ship_frame_type_0 import ScannedShipFrameType0
from .scanned_ship_mounts_type_0_item import ScannedShipMountsType0Item
from .scanned_ship_reactor_type_0 import ScannedShipReactorType0
from .scanned_system import ScannedSystem
from .scanned_waypoint import ScannedWaypoint
from .scrap_ship_response_200 import ScrapShipResponse200
from .scrap_ship_response_200_data import ScrapShipResponse200Data
from .scrap_transaction import ScrapTransaction
from .sell_cargo_sell_cargo_201_response import SellCargoSellCargo201Response
from .sell_cargo_sell_cargo_201_response_data import SellCargoSellCargo201ResponseData
from .sell_cargo_sell_cargo_request import SellCargoSellCargoRequest
from .ship import Ship
from .ship_cargo import ShipCargo
from .ship_cargo_item import ShipCargoItem
from .ship_condition_event import ShipConditionEvent
from .ship_crew import ShipCrew
from .ship_engine import ShipEngine
from .ship_frame import ShipFrame
from .ship_fuel import ShipFuel
from .ship_fuel_consumed_type_0 import ShipFuelConsumedType0
from .ship_modification_transaction import ShipModificationTransaction
from .ship_module import ShipModule
from .ship_mount import ShipMount
from .ship_nav import ShipNav
from .ship_nav_route import ShipNavRoute
from .ship_nav_route_waypoint import ShipNavRouteWaypoint
from .ship_reactor import ShipReactor
from .ship_refine_body import ShipRefineBody
from .ship_refine_ship_refine_201_response import ShipRefineShipRefine201Response
from .ship_refine_ship_refine_201_response_data import ShipRefineShipRefine201ResponseData
from .ship_refine_ship_refine_201_response_data_consumed_item import ShipRefineShipRefine201ResponseDataConsumedItem
from .ship_refine_ship_refine_201_response_data_produced_item import ShipRefineShipRefine201ResponseDataProducedItem
from .ship_registration import ShipRegistration
from .ship_requirements import ShipRequirements
from .shipyard import Shipyard
from .shipyard_ship import ShipyardShip
from .shipyard_ship_crew import ShipyardShipCrew
from .shipyard_ship_types_item import ShipyardShipTypesItem
from .shipyard_transaction import ShipyardTransaction
from .siphon import Siphon
from .siphon_resources_response_201 import SiphonResourcesResponse201
from .siphon_resources_response_201_data import SiphonResourcesResponse201Data
from .siphon_yield import SiphonYield
from .supply_construction_body import SupplyConstructionBody
from .supply_construction_response_201 import SupplyConstructionResponse201
from .supply_construction_response_201_data import SupplyConstructionResponse201Data
from .survey import Survey
from .survey_deposit import SurveyDeposit
from .system import System
from .system_faction import SystemFaction
from .system_waypoint import SystemWaypoint
from .trade_good import TradeGood
from .transfer_cargo_transfer_cargo_200_response import TransferCargoTransferCargo200Response
from .transfer_cargo_transfer_cargo_200_response_data import TransferCargoTransferCargo200ResponseData
from .transfer_cargo_transfer_cargo_request import TransferCargoTransferCargoRequest
from .warp_ship_body import WarpShipBody
from .warp_ship_response_200 import WarpShipResponse200
from .warp_ship_response_200_data import WarpShipResponse200Data
from .waypoint import Waypoint
from .waypoint_faction import WaypointFaction
from .waypoint_modifier import WaypointModifier
from .waypoint_orbital import WaypointOrbital
from .waypoint_trait import WaypointTrait

__all__ = (
    "AcceptContractResponse200",
    "AcceptContractResponse200Data",
    "Agent",
    "AgentEvent",
    "Chart",
    "ChartTransaction",
    "Construction",
    "ConstructionMaterial",
    "Contract",
    "ContractDeliverGood",
    "ContractPayment",
    "ContractTerms",
    "Cooldown",
    "CreateChartResponse201",
    "CreateChartResponse201Data",
    "CreateShipShipScanResponse201",
    "CreateShipShipScanResponse201Data",
    "CreateShipSystemScanResponse201",
    "CreateShipSystemScanResponse201Data",
    "CreateShipWaypointScanResponse201",
    "CreateShipWaypointScanResponse201Data",
    "CreateSurveyResponse201",
    "CreateSurveyResponse201Data",
    "DeliverContractBody",
    "DeliverContractResponse200",
    "DeliverContractResponse200Data",
    "DockShipDockShip200Response",
    "DockShipDockShip200ResponseData",
    "Extraction",
    "ExtractionYield",
    "ExtractResourcesResponse201",
    "ExtractResourcesResponse201Data",
    "ExtractResourcesWithSurveyBody",
    "ExtractResourcesWithSurveyResponse201",
    "ExtractResourcesWithSurveyResponse201Data",
    "Faction",
    "FactionTrait",
    "FulfillContractResponse200",
    "FulfillContractResponse200Data",
    "GetAgentResponse200",
    "GetAgentsResponse200",
    "GetConstructionResponse200",
    "GetContractResponse200",
    "GetContractsResponse200",
    "GetErrorCodesResponse200",
    "GetErrorCodesResponse200ErrorCodesItem",
    "GetFactionResponse200",
    "GetFactionsResponse200",
    "GetJumpGateResponse200",
    "GetMarketResponse200",
    "GetMountsGetMounts200Response",
    "GetMyAccountResponse200",
    "GetMyAccountResponse200Data",
    "GetMyAccountResponse200DataAccount",
    "GetMyAgentEventsResponse200",
    "GetMyAgentResponse200",
    "GetMyFactionsResponse200",
    "GetMyFactionsResponse200DataItem",
    "GetMyShipCargoResponse200",
    "GetMyShipResponse200",
    "GetMyShipsResponse200",
    "GetRepairShipResponse200",
    "GetRepairShipResponse200Data",
    "GetScrapShipResponse200",
    "GetScrapShipResponse200Data",
    "GetShipCooldownResponse200",
    "GetShipModulesResponse200",
    "GetShipNavResponse200",
    "GetShipyardResponse200",
    "GetStatusResponse200",
    "GetStatusResponse200AnnouncementsType0Item",
    "GetStatusResponse200HealthType0",
    "GetStatusResponse200LeaderboardsType0",
    "GetStatusResponse200LeaderboardsType0MostCreditsItem",
    "GetStatusResponse200LeaderboardsType0MostSubmittedChartsItem",
    "GetStatusResponse200LinksType0Item",
    "GetStatusResponse200ServerResetsType0",
    "GetStatusResponse200StatsType0",
    "GetSupplyChainResponse200",
    "GetSupplyChainResponse200Data",
    "GetSupplyChainResponse200DataExportToImportMap",
    "GetSystemResponse200",
    "GetSystemsResponse200",
    "GetSystemWaypointsResponse200",
    "GetWaypointResponse200",
    "InstallMountInstallMount201Response",
    "InstallMountInstallMount201ResponseData",
    "InstallMountInstallMountRequest",
    "InstallShipModuleBody",
    "InstallShipModuleResponse201",
    "InstallShipModuleResponse201Data",
    "JettisonBody",
    "JettisonResponse200",
    "JettisonResponse200Data",
    "JumpGate",
    "JumpShipBody",
    "JumpShipResponse200",
    "JumpShipResponse200Data",
    "Market",
    "MarketTradeGood",
    "MarketTransaction",
    "Meta",
    "NavigateShipBody",
    "NavigateShipResponse200",
    "NavigateShipResponse200Data",
    "NegotiateContractNegotiateContract201Response",
    "NegotiateContractNegotiateContract201ResponseData",
    "OrbitShipOrbitShip200Response",
    "OrbitShipOrbitShip200ResponseData",
    "PatchShipNavBody",
    "PatchShipNavResponse200",
    "PatchShipNavResponse200Data",
    "PublicAgent",
    "PurchaseCargoPurchaseCargo201Response",
    "PurchaseCargoPurchaseCargo201ResponseData",
    "PurchaseCargoPurchaseCargoRequest",
    "PurchaseShipBody",
    "PurchaseShipResponse201",
    "PurchaseShipResponse201Data",
    "RefuelShipBody",
    "RefuelShipResponse200",
    "RefuelShipResponse200Data",
    "RegisterBody",
    "RegisterResponse201",
    "RegisterResponse201Data",
    "RemoveMountRemoveMount201Response",
    "RemoveMountRemoveMount201ResponseData",
    "RemoveMountRemoveMountRequest",
    "RemoveShipModuleBody",
    "RemoveShipModuleResponse201",
    "RemoveShipModuleResponse201Data",
    "RepairShipResponse200",
    "RepairShipResponse200Data",
    "RepairTransaction",
    "ScannedShip",
    "ScannedShipEngine",
    "ScannedShipFrameType0",
    "ScannedShipMountsType0Item",
    "ScannedShipReactorType0",
    "ScannedSystem",
    "ScannedWaypoint",
    "ScrapShipResponse200",
    "ScrapShipResponse200Data",
    "ScrapTransaction",
    "SellCargoSellCargo201Response",
    "SellCargoSellCargo201ResponseData",
    "SellCargoSellCargoRequest",
    "Ship",
    "ShipCargo",
    "ShipCargoItem",
    "ShipConditionEvent",
    "ShipCrew",
    "ShipEngine",
    "ShipFrame",
    "ShipFuel",
    "ShipFuelConsumedType0",
    "ShipModificationTransaction",
    "ShipModule",
    "ShipMount",
    "ShipNav",
    "ShipNavRoute",
    "ShipNavRouteWaypoint",
    "ShipReactor",
    "ShipRefineBody",
    "ShipRefineShipRefine201Response",
    "ShipRefineShipRefine201ResponseData",
    "ShipRefineShipRefine201ResponseDataConsumedItem",
    "ShipRefineShipRefine201ResponseDataProducedItem",
    "ShipRegistration",
    "ShipRequirements",
    "Shipyard",
    "ShipyardShip",
    "ShipyardShipCrew",
    "ShipyardShipTypesItem",
    "ShipyardTransaction",
    "Siphon",
    "SiphonResourcesResponse201",
    "SiphonResourcesResponse201Data",
    "SiphonYield",
    "SupplyConstructionBody",
    "SupplyConstructionResponse201",
    "SupplyConstructionResponse201Data",
    "Survey",
    "SurveyDeposit",
    "System",
    "SystemFaction",
    "SystemWaypoint",
    "TradeGood",
    "TransferCargoTransferCargo200Response",
    "TransferCargoTransferCargo200ResponseData",
    "TransferCargoTransferCargoRequest",
    "WarpShipBody",
    "WarpShipResponse200",
    "WarpShipResponse200Data",
    "Waypoint",
    "WaypointFaction",
    "WaypointModifier",
    "WaypointOrbital",
    "WaypointTrait",
)
